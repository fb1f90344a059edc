package dev.upgradetracker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their start, outside any consumer group, committed records only (the publisher
 * writes in transactions): for audits, verification and tests.
 */
public final class TopicScan {

  private TopicScan() {}

  /** A consumer of every partition of {@code topics}, at their start; the caller closes it. */
  public static KafkaConsumer<String, String> fromStart(
      KafkaConnection kafka, List<String> topics) {
    var props = kafka.properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    var partitions =
        topics.stream()
            .flatMap(
                topic ->
                    consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** Hands {@code each} every record the topics hold now: up to their ends when asked. */
  public static void toEnd(
      KafkaConnection kafka, List<String> topics, Consumer<ConsumerRecord<String, String>> each) {
    try (var consumer = fromStart(kafka, topics)) {
      var ends = consumer.endOffsets(consumer.assignment());
      while (ends.entrySet().stream()
          .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }
}
