package dev.upgradetracker.cli.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Every stored aggregate's head against its copy on Kafka (the query service keeps the published
 * head of every cluster): a head matches, differs, was never or is not yet published (a failure
 * once older than the grace), or is behind the copy (the store lost events at its end); every
 * aggregate there is no copy of is named.
 *
 * @param problems each a failure, one line per aggregate
 * @param inFlight clusters whose newest events are younger than the grace and not on Kafka yet
 * @param notCompared aggregates of kinds the query service keeps no copy of, by kind
 */
record HeadComparison(
    List<String> problems,
    int matching,
    List<String> inFlight,
    Map<String, List<String>> notCompared) {

  private static final String CLUSTER = "ClusterAggregate";

  /** {@code stored}: the command service's heads; {@code copies}: the query service's. */
  static HeadComparison of(JsonNode stored, JsonNode copies, Instant now, Duration grace) {
    var copyOf = new HashMap<String, JsonNode>();
    copies.forEach(copy -> copyOf.put(copy.path("clusterId").asString(), copy));
    var problems = new ArrayList<String>();
    var inFlight = new ArrayList<String>();
    var notCompared = new TreeMap<String, List<String>>();
    int matching = 0;
    for (var head : stored) {
      var id = head.path("aggregateId").asString();
      var type = head.path("aggregateType").asString("");
      if (!type.equals(CLUSTER)) {
        notCompared.computeIfAbsent(kind(type), k -> new ArrayList<>()).add(id);
        continue;
      }
      long position = head.path("position").asLong();
      var at = head.path("at").asString("");
      var copy = copyOf.get(id);
      long published = copy == null ? -1 : copy.path("position").asLong();
      if (published < position) {
        if (olderThan(at, now, grace)) {
          problems.add(
              "%s: NOT PUBLISHED since %s: stored up to position %d, %s"
                  .formatted(
                      id,
                      at,
                      position,
                      copy == null
                          ? "nothing on Kafka"
                          : "the copy on Kafka reaches position " + published));
        } else {
          inFlight.add(id);
        }
      } else if (published > position) {
        problems.add(
            "%s: BROKEN at position %d: the store ends at position %d, the copy on Kafka reaches %d (events were removed from the store)"
                .formatted(id, position + 1, position, published));
      } else if (!copy.path("hash").asString("").equals(head.path("hash").asString())) {
        problems.add(
            "%s: head (position %d) DIFFERS from the copy on Kafka: stored %s, published %s"
                .formatted(
                    id, position, head.path("hash").asString(), copy.path("hash").asString("")));
      } else {
        matching++;
      }
    }
    return new HeadComparison(problems, matching, inFlight, notCompared);
  }

  boolean ok() {
    return problems.isEmpty();
  }

  private static String kind(String aggregateType) {
    return switch (aggregateType) {
      case "CampaignAggregate" -> "campaigns (the query service keeps no copy of campaign chains)";
      case "HostAggregate" -> "hosts (host assignments are not published)";
      default -> aggregateType;
    };
  }

  private static boolean olderThan(String storedAt, Instant now, Duration grace) {
    try {
      return Instant.parse(storedAt).plus(grace).isBefore(now);
    } catch (DateTimeParseException unknownTime) {
      return true;
    }
  }
}
