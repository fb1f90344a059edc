package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JsonToken;

/**
 * What a reader of the events topic sees, from its first record, committed records only: how many,
 * whether each cluster's events arrive in their sequence without a gap from 0, whether any event id
 * arrives twice.
 */
final class PublishedEvents implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Long> lastSequence = new HashMap<>();
  private final Set<String> eventIds = new HashSet<>();
  private long read;
  private long outOfOrder;
  private long repeated;
  private long lastArrival;
  private byte[] sample;

  PublishedEvents(KafkaConnection kafka, String topic) {
    var props = kafka.properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    var partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads until {@code count} records in all were read, or nothing came for {@code patience}. */
  void readUntil(long count, Duration patience) {
    long quietSince = System.nanoTime();
    while (read < count && System.nanoTime() - quietSince < patience.toNanos()) {
      var records = consumer.poll(Duration.ofMillis(100));
      if (!records.isEmpty()) {
        quietSince = lastArrival = System.nanoTime();
      }
      for (var record : records) {
        check(record.key(), record.value());
      }
    }
  }

  private void check(String clusterId, byte[] envelope) {
    read++;
    sample = envelope;
    String eventId = null;
    long sequence = -1;
    try (var parser = Json.MAPPER.createParser(envelope)) {
      parser.nextToken();
      while ((eventId == null || sequence < 0) && parser.nextToken() == JsonToken.PROPERTY_NAME) {
        var name = parser.currentName();
        var value = parser.nextToken();
        switch (name) {
          case "eventId" -> eventId = parser.getString();
          case "sequence" -> sequence = parser.getLongValue();
          default -> {
            if (value.isStructStart()) {
              parser.skipChildren();
            }
          }
        }
      }
    }
    if (!eventIds.add(eventId)) {
      repeated++;
    }
    var previous = lastSequence.put(clusterId, sequence);
    if (sequence != (previous == null ? 0 : previous + 1)) {
      outOfOrder++;
    }
  }

  long read() {
    return read;
  }

  /** When the last record arrived, in {@link System#nanoTime()}. */
  long lastArrival() {
    return lastArrival;
  }

  /** The last record's value, as a bare producer would send it. */
  byte[] sample() {
    return sample;
  }

  String verdict(long expected) {
    return String.format(
        "%,d events read (%,d expected), %,d out of their cluster's order, %,d event ids twice: %s",
        read,
        expected,
        outOfOrder,
        repeated,
        read == expected && outOfOrder == 0 && repeated == 0 ? "PASS" : "FAIL");
  }

  @Override
  public void close() {
    consumer.close();
  }
}
