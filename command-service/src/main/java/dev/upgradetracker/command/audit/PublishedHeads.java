package dev.upgradetracker.command.audit;

import dev.upgradetracker.messaging.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every cluster's and campaign's head as Kafka holds it: both event topics read from their start to
 * the end they had when asked, committed records only. The copy on Kafka is kept by others than the
 * event store, so it shows a store that lost or rewrote events at its end.
 */
@Component
class PublishedHeads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaSettings kafka;

  PublishedHeads(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  Map<String, PublishedHead> read() {
    var props = kafka.connection().properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var heads = new HashMap<String, PublishedHead>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          List.of(kafka.topics().events(), kafka.topics().campaignEvents()).stream()
              .flatMap(
                  topic ->
                      consumer.partitionsFor(topic).stream()
                          .map(p -> new TopicPartition(topic, p.partition())))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      while (ends.entrySet().stream()
          .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode envelope;
          try {
            envelope = JSON.readTree(record.value());
          } catch (JacksonException notAnEnvelope) {
            continue; // not ours: nothing the store wrote can be compared with it
          }
          var head =
              new PublishedHead(
                  record.key(),
                  envelope.path("sequence").asLong(),
                  envelope.path("hash").asString(""));
          heads.merge(record.key(), head, (a, b) -> b.position() >= a.position() ? b : a);
        }
      }
    }
    return heads;
  }
}
