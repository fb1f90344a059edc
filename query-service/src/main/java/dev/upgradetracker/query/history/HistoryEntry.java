package dev.upgradetracker.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/**
 * One event of an audit history: what happened ({@code type}, {@code summary}, the whole {@code
 * event}), when, who ({@code team} and {@code user} acting; {@code owner} owns the cluster or
 * campaign), why ({@code correlationId}: the request or campaign; {@code causationId}: the command
 * or event that caused it; {@code campaignId}: the campaign the cluster was in), and for host
 * actions what ran. {@code kind} is {@code cluster} or {@code campaign}; {@code position} is the
 * event's place in that cluster's or campaign's own history; {@code previousHash} and {@code hash}
 * its links in the event store's hash chain, as the store recorded them.
 */
public record HistoryEntry(
    String kind,
    String clusterId,
    String campaignId,
    long position,
    String eventId,
    Instant at,
    String owner,
    String team,
    String user,
    @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf,
    String correlationId,
    String causationId,
    String type,
    String summary,
    ActionDetail action,
    JsonNode event,
    String previousHash,
    String hash) {

  /** Fleet-wide order, the time index's: by time, then kind, then stream, then position. */
  static final Comparator<HistoryEntry> IN_TIME_ORDER =
      Comparator.comparing(HistoryKeys::timeKeyOf);
}
