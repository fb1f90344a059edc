package dev.upgradetracker.messaging.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.TopicScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every test reads an event topic: from its start, committed records only, each record's event
 * checked against its schema ({@link EventContract}) before it is read as the caller's type. A
 * record that breaks the contract fails the test, naming the topic, offset and what is wrong.
 */
public final class ContractReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ContractReader() {}

  /** One record as read: where, when Kafka took it, its checked event JSON and its value. */
  public record Read<V>(
      String topic, int partition, long offset, long timestamp, JsonNode json, V value) {}

  /**
   * Reads {@code topic} from offset 0 until {@code wanted} values passing {@code filter} were seen
   * or {@code timeout} passed; returns those values, in partition order.
   */
  public static <V> List<V> read(
      KafkaConnection kafka,
      String topic,
      Deserializer<V> values,
      Predicate<V> filter,
      int wanted,
      Duration timeout) {
    var seen = new ArrayList<V>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var consumer = TopicScan.fromStart(kafka, List.of(topic))) {
      while (seen.size() < wanted && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          var value = checked(record, values);
          if (filter.test(value.value())) {
            seen.add(value.value());
          }
        }
      }
    }
    return seen;
  }

  /** Every record of {@code topic} now, checked: read up to the end offsets taken at the start. */
  public static <V> List<Read<V>> readAll(
      KafkaConnection kafka, String topic, Deserializer<V> values) {
    var all = new ArrayList<Read<V>>();
    TopicScan.toEnd(kafka, List.of(topic), record -> all.add(checked(record, values)));
    return all;
  }

  private static <V> Read<V> checked(
      ConsumerRecord<String, String> record, Deserializer<V> values) {
    var topic = record.topic();
    var text = record.value();
    var json = JSON.readTree(text);
    var event = json.has("event") ? json.get("event") : json;
    var problems = EventContract.problems(event);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the record at "
              + topic
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + " breaks the event contract: "
              + problems
              + "\n"
              + text);
    }
    return new Read<>(
        topic,
        record.partition(),
        record.offset(),
        record.timestamp(),
        event,
        values.deserialize(topic, text.getBytes(UTF_8)));
  }
}
