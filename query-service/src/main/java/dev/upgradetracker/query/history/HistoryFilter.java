package dev.upgradetracker.query.history;

import dev.upgradetracker.query.web.BadQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which events a history holds: any of owner team, campaign, cluster and host (an event concerns a
 * host when it names it as host, source or target), between {@code from} (inclusive) and {@code to}
 * (exclusive). Null means any.
 */
record HistoryFilter(
    String team, String campaignId, String clusterId, String host, Instant from, Instant to) {

  private static final Set<String> HOST_FIELDS = Set.of("host", "fromHost", "toHost");

  static HistoryFilter of(
      String team, String campaignId, String clusterId, String host, String from, String to) {
    var filter =
        new HistoryFilter(
            team, campaignId, clusterId, host, instant("from", from), instant("to", to));
    if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
      throw new BadQuery("from (" + from + ") must be before to (" + to + ")");
    }
    return filter;
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadQuery(
          name + " must be an ISO-8601 instant such as 2026-11-29T10:15:30Z, not '" + value + "'");
    }
  }

  /** Lets every event of a cluster through: a page of its history is a range of positions. */
  boolean allOfACluster() {
    return team == null && campaignId == null && host == null && from == null && to == null;
  }

  boolean inTime(Instant at) {
    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }

  /** Matches on what the time index knows, before the event is read. */
  boolean matchesTag(HistoryTag tag) {
    return (team == null || team.equals(tag.owner()))
        && (campaignId == null || campaignId.equals(tag.campaignId()));
  }

  boolean matches(HistoryEntry entry) {
    return inTime(entry.at())
        && (team == null || team.equals(entry.owner()))
        && (campaignId == null || campaignId.equals(entry.campaignId()))
        && (clusterId == null || clusterId.equals(entry.clusterId()))
        && (host == null || names(entry.event(), host));
  }

  private static boolean names(JsonNode node, String host) {
    for (var property : node.properties()) {
      var value = property.getValue();
      if (HOST_FIELDS.contains(property.getKey()) && host.equals(value.asString(null))) {
        return true;
      }
      if (value.isObject() && names(value, host)) {
        return true;
      }
    }
    return false;
  }
}
