package dev.upgradetracker.messaging;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.messaging.journal.JournalEntry;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;

/** A Kafka serde writing {@code type} as {@link Json} JSON. */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final UnaryOperator<JsonNode> upcaster;

  public JsonSerde(Class<T> type) {
    this(type, null);
  }

  /** {@code upcaster}: null when nothing needs upcasting, read straight into the type. */
  private JsonSerde(Class<T> type, UnaryOperator<JsonNode> upcaster) {
    this.type = type;
    this.upcaster = upcaster;
  }

  /** Envelopes whose events may have been written under older versions of their types. */
  public static JsonSerde<EventEnvelope> envelopes() {
    return new JsonSerde<>(
        EventEnvelope.class,
        envelope -> {
          if (envelope.has("event")) {
            EventUpcaster.upcast(envelope.get("event"));
          }
          return envelope;
        });
  }

  public static JsonSerde<CampaignEnvelope> campaignEnvelopes() {
    return new JsonSerde<>(CampaignEnvelope.class);
  }

  public static JsonSerde<JournalEntry> journal() {
    return new JsonSerde<>(JournalEntry.class);
  }

  public static JsonSerde<ActionResult> actionResults() {
    return new JsonSerde<>(ActionResult.class);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    return data == null ? null : Json.MAPPER.writeValueAsBytes(data);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(data, type);
    } catch (InvalidTypeIdException olderVersion) {
      // an event of an older version names a type id no current record has: upcast it first
      if (upcaster == null) {
        throw serializationFailure(topic, olderVersion);
      }
      try {
        return Json.MAPPER.treeToValue(upcaster.apply(Json.MAPPER.readTree(data)), type);
      } catch (JacksonException e) {
        throw serializationFailure(topic, e);
      }
    } catch (JacksonException e) {
      throw serializationFailure(topic, e);
    }
  }

  private SerializationException serializationFailure(String topic, JacksonException e) {
    return new SerializationException(
        "cannot read a " + type.getSimpleName() + " from topic " + topic + ": " + e.getMessage(),
        e);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
