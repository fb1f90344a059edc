package dev.upgradetracker.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its start, outside any consumer group: for replays, audits and tests. */
public final class TopicReader {

  private TopicReader() {}

  /**
   * Reads {@code topic} from offset 0 until {@code wanted} values passing {@code filter} were seen
   * or {@code timeout} passed; returns what was seen, in partition order.
   */
  public static <V> List<V> read(
      KafkaConnection kafka,
      String topic,
      JsonSerde<V> values,
      Predicate<V> filter,
      int wanted,
      Duration timeout) {
    var props = kafka.properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var seen = new ArrayList<V>();
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (seen.size() < wanted && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record.value())) {
            seen.add(record.value());
          }
        }
      }
    }
    return seen;
  }
}
