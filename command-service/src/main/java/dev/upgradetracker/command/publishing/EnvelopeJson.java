package dev.upgradetracker.command.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.command.audit.EventHash;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.messaging.Json;
import java.io.ByteArrayOutputStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonToken;

/**
 * The JSON of an {@link dev.upgradetracker.events.EventEnvelope} or {@link
 * dev.upgradetracker.events.CampaignEnvelope}, written around the event's JSON as the event store
 * holds it: the publisher neither reads a stored event into its record nor writes that record
 * again, which took a third of its work per event (README, Benchmarks, publish). An event stored
 * under an older version of its type goes out as it was stored; readers upcast it, as they do any.
 */
final class EnvelopeJson {

  private EnvelopeJson() {}

  /**
   * {@code aggregateProperty}: the envelope's name for the aggregate's id ({@code clusterId} or
   * {@code campaignId}); {@code storedEvent}: the event's JSON, type property included.
   */
  static byte[] of(String aggregateProperty, DomainEventMessage<?> message, byte[] storedEvent) {
    requireOneObject(storedEvent);
    var metaData = message.getMetaData();
    var out = new ByteArrayOutputStream(storedEvent.length + 512);
    try (var json = Json.MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("eventId", message.getIdentifier());
      json.writeStringProperty(aggregateProperty, message.getAggregateIdentifier());
      json.writeNumberProperty("sequence", message.getSequenceNumber());
      json.writePOJOProperty("timestamp", message.getTimestamp());
      json.writeStringProperty("team", text(metaData, TraceKeys.TEAM));
      json.writeStringProperty("user", text(metaData, TraceKeys.USER));
      unlessAbsent(json, "onBehalfOf", text(metaData, TraceKeys.ON_BEHALF_OF));
      json.writeStringProperty("correlationId", text(metaData, TraceKeys.CORRELATION_ID));
      json.writeStringProperty("causationId", text(metaData, TraceKeys.CAUSATION_ID));
      json.writeName("event");
      json.writeRawValue(new String(storedEvent, UTF_8));
      unlessAbsent(json, "previousHash", text(metaData, EventHash.PREVIOUS_HASH));
      unlessAbsent(json, "hash", text(metaData, EventHash.HASH));
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * What goes out unread must still be what every reader can parse: a stored event that is not one
   * JSON object (a damaged row) is refused, and its aggregate parked, as a stored event that could
   * not be read into its record was before.
   */
  private static void requireOneObject(byte[] storedEvent) {
    try (var parser = Json.MAPPER.createParser(storedEvent)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the stored event is not a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("the stored event has more after its JSON object");
      }
    }
  }

  /** As the envelopes' {@code NON_NULL} properties are written: not at all when absent. */
  private static void unlessAbsent(
      tools.jackson.core.JsonGenerator json, String property, String value) {
    if (value != null) {
      json.writeStringProperty(property, value);
    }
  }

  static String text(MetaData metaData, String key) {
    var value = metaData.get(key);
    return value == null ? null : value.toString();
  }
}
