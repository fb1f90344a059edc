package dev.upgradetracker.query.views;

import dev.upgradetracker.messaging.JsonSerde;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store's JSON serde that remembers the views it recently wrote or read, by their bytes: a view
 * folded again moments later (the usual case: a cluster's events come in bursts) is not parsed
 * again. Views are immutable records, and equal bytes read into equal views, so handing out the
 * remembered one is the same as parsing.
 */
final class RememberingSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final JsonSerde<T> json;
  private final Map<Bytes, T> recent;

  RememberingSerde(Class<T> type, int capacity) {
    this.json = new JsonSerde<>(type);
    this.recent =
        Collections.synchronizedMap(
            new LinkedHashMap<>(capacity, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Bytes, T> eldest) {
                return size() > capacity;
              }
            });
  }

  @Override
  public byte[] serialize(String topic, T data) {
    var bytes = json.serialize(topic, data);
    if (bytes != null) {
      recent.put(new Bytes(bytes), data);
    }
    return bytes;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    var key = new Bytes(data);
    var known = recent.get(key);
    if (known != null) {
      return known;
    }
    var read = json.deserialize(topic, data);
    recent.put(key, read);
    return read;
  }

  /** Bytes compared by content, with the JDK's vectorized array hash. */
  private record Bytes(byte[] content) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(content);
    }
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
