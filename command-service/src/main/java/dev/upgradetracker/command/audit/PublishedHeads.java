package dev.upgradetracker.command.audit;

import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.TopicScan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    var heads = new HashMap<String, PublishedHead>();
    TopicScan.toEnd(
        kafka.connection(),
        List.of(kafka.topics().events(), kafka.topics().campaignEvents()),
        record -> {
          JsonNode envelope;
          try {
            envelope = JSON.readTree(record.value());
          } catch (JacksonException notAnEnvelope) {
            return; // not ours: nothing the store wrote can be compared with it
          }
          var head =
              new PublishedHead(
                  record.key(),
                  envelope.path("sequence").asLong(),
                  envelope.path("hash").asString(""));
          heads.merge(record.key(), head, (a, b) -> b.position() >= a.position() ? b : a);
        });
    return heads;
  }
}
