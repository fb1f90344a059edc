package dev.upgradetracker.command.audit;

import dev.upgradetracker.messaging.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SHA-256 of an event's canonical JSON: its stored columns, payload and metadata as JSON trees
 * (so the same content always hashes the same, however it was spaced or ordered), object keys
 * sorted, no whitespace, without the event's own {@link #HASH} (which it records).
 */
public final class EventHash {

  /** Metadata key: this event's hash. */
  public static final String HASH = "hash";

  /** Metadata key: the hash of the aggregate's previous event; empty for its first. */
  public static final String PREVIOUS_HASH = "previousHash";

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private EventHash() {}

  static String of(StoredEvent event) {
    return of(event, tree(event.metaData()));
  }

  /** With the event's metadata already parsed (left as it is). */
  static String of(StoredEvent event, JsonNode parsedMetaData) {
    var metaData = (ObjectNode) parsedMetaData.deepCopy();
    metaData.remove(HASH);
    var canonical = CANONICAL.createObjectNode();
    canonical.put("aggregateId", event.aggregateId());
    canonical.put("sequence", event.sequence());
    canonical.put("eventId", event.eventId());
    canonical.put("timestamp", event.timestamp());
    canonical.put("payloadType", event.payloadType());
    canonical.put("payloadRevision", event.payloadRevision());
    canonical.set("payload", tree(event.payload()));
    canonical.set("metaData", metaData);
    return sha256(canonicalJson(canonical));
  }

  static String canonicalJson(JsonNode tree) {
    return CANONICAL.writeValueAsString(tree);
  }

  static JsonNode tree(byte[] json) {
    return Json.MAPPER.readTree(json);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
