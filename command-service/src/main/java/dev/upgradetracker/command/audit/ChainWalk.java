package dev.upgradetracker.command.audit;

import tools.jackson.databind.JsonNode;

/**
 * Follows one aggregate's stored events in sequence order and remembers the first that does not
 * fit: a gap in the sequence, a predecessor hash other than the previous event's hash, or content
 * that no longer hashes to the hash it recorded.
 */
final class ChainWalk {

  private final String aggregateId;
  private String aggregateType;
  private long events;
  private long expectedSequence;
  private String previousHash = "";
  private ChainBreak firstBreak;
  private long headPosition = -1;
  private String headHash = "";
  private String headAt;

  ChainWalk(String aggregateId) {
    this.aggregateId = aggregateId;
  }

  void accept(StoredEvent event, String aggregateType) {
    this.aggregateType = aggregateType;
    events++;
    headPosition = event.sequence();
    headAt = event.timestamp();
    var metaData = EventHash.tree(event.metaData());
    headHash = text(metaData.get(EventHash.HASH));
    if (firstBreak == null) {
      firstBreak = check(event, metaData, headHash);
      previousHash = headHash;
      expectedSequence = event.sequence() + 1;
    }
  }

  private ChainBreak check(StoredEvent event, JsonNode metaData, String recorded) {
    if (event.sequence() != expectedSequence) {
      return breakAt(
          event,
          "events are missing before this one",
          "sequence " + expectedSequence,
          "sequence " + event.sequence());
    }
    if (recorded.isEmpty()) {
      return breakAt(event, "the event records no hash", "a hash", "none");
    }
    var linked = text(metaData.get(EventHash.PREVIOUS_HASH));
    if (!linked.equals(previousHash)) {
      return breakAt(
          event,
          "the event does not follow its predecessor: it was removed, replaced or reordered",
          previousHash,
          linked);
    }
    var computed = EventHash.of(event, metaData);
    if (!computed.equals(recorded)) {
      return breakAt(event, "the event was changed after it was stored", recorded, computed);
    }
    return null;
  }

  private static ChainBreak breakAt(
      StoredEvent event, String problem, String expected, String found) {
    return new ChainBreak(event.sequence(), event.eventId(), problem, expected, found);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asString();
  }

  ChainReport report() {
    return new ChainReport(
        aggregateId,
        aggregateType,
        events,
        firstBreak == null,
        firstBreak,
        headPosition,
        headHash,
        headAt);
  }
}
