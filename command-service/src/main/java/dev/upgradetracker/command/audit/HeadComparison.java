package dev.upgradetracker.command.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every stored aggregate's head against its copy on Kafka: a head matches, differs, was never or is
 * not yet published (a failure once older than the grace), or is behind the copy (the store lost
 * events at its end); every aggregate there is no copy of is named, with why.
 *
 * @param problems each a failure, one line per aggregate
 * @param inFlight aggregates whose newest events are younger than the grace and not on Kafka yet
 * @param notCompared aggregates of kinds that are not published, by kind
 */
public record HeadComparison(
    List<String> problems,
    int matching,
    List<String> inFlight,
    Map<String, List<String>> notCompared) {

  private static final String HOSTS = "hosts (host assignments are not published)";
  private static final String SLOTS =
      "upgrade slots (not published: the campaigns' events say who waits for one and who got one)";
  private static final String ON_KAFKA_ONLY =
      "on Kafka only (the store holds no event of them: forged, or removed from the store whole)";

  public static HeadComparison of(
      List<FleetVerification.Head> stored,
      Map<String, PublishedHead> published,
      Instant now,
      Duration grace) {
    var problems = new ArrayList<String>();
    var inFlight = new ArrayList<String>();
    var notCompared = new TreeMap<String, List<String>>();
    int matching = 0;
    for (var head : stored) {
      var id = head.aggregateId();
      if ("HostAggregate".equals(head.aggregateType())) {
        notCompared.computeIfAbsent(HOSTS, k -> new ArrayList<>()).add(id);
        continue;
      }
      if ("UpgradeSlotsAggregate".equals(head.aggregateType())) {
        notCompared.computeIfAbsent(SLOTS, k -> new ArrayList<>()).add(id);
        continue;
      }
      var copy = published.get(id);
      long publishedPosition = copy == null ? -1 : copy.position();
      if (publishedPosition < head.position()) {
        if (olderThan(head.at(), now, grace)) {
          problems.add(
              "%s: NOT PUBLISHED since %s: stored up to position %d, %s"
                  .formatted(
                      id,
                      head.at(),
                      head.position(),
                      copy == null
                          ? "nothing on Kafka"
                          : "the copy on Kafka reaches position " + publishedPosition));
        } else {
          inFlight.add(id);
        }
      } else if (publishedPosition > head.position()) {
        problems.add(
            ("%s: BROKEN at position %d: the store ends at position %d, the copy on Kafka reaches"
                    + " %d (events were removed from the store)")
                .formatted(id, head.position() + 1, head.position(), publishedPosition));
      } else if (!copy.hash().equals(head.hash())) {
        problems.add(
            "%s: head (position %d) DIFFERS from the copy on Kafka: stored %s, published %s"
                .formatted(id, head.position(), head.hash(), copy.hash()));
      } else {
        matching++;
      }
    }
    var storedIds =
        stored.stream().map(FleetVerification.Head::aggregateId).collect(Collectors.toSet());
    published.keySet().stream()
        .filter(id -> !storedIds.contains(id))
        .sorted()
        .forEach(id -> notCompared.computeIfAbsent(ON_KAFKA_ONLY, k -> new ArrayList<>()).add(id));
    return new HeadComparison(
        List.copyOf(problems),
        matching,
        List.copyOf(inFlight),
        Collections.unmodifiableMap(notCompared));
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  private static boolean olderThan(String storedAt, Instant now, Duration grace) {
    if (storedAt == null) {
      return true;
    }
    try {
      return Instant.parse(storedAt).plus(grace).isBefore(now);
    } catch (DateTimeParseException unknownTime) {
      return true;
    }
  }
}
