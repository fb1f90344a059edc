package dev.upgradetracker.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records on the events topic that an executor cannot read, not JSON or an event type newer than it
 * (written by a command service upgraded first), are no requests it could prove: it passes over
 * them, counts them, and reads on. An executor of its own, on topics of its own: the stack's views
 * read the stack's events topic and stop on what they cannot fold in, as they must.
 */
@ExtendWith(SharedStack.class)
class UnreadableRecordsIT {

  private static final String UNREADABLE =
      "upgrade_executor_requests_passed_over_total{reason=\"unreadable\"";
  private static final String UNPROVEN = "upgrade_executor_unproven_requests_total";

  @Test
  void anExecutorPassesOverRecordsItCannotReadAndGoesOnWithTheRequestsAfterThem(
      SharedStack.Tenant tenant, @TempDir Path data) throws Exception {
    var stack = tenant.stack();
    var namespace = "unreadable-" + UUID.randomUUID();
    var events = new Topics(namespace).events();
    try (var executor =
        stack.launchExtra(
            "executor",
            Map.of("KAFKA_NAMESPACE", namespace, "UT_DATA_DIR", data.toString()),
            TestStacks.freePort())) {
      executor.awaitHealthy(Duration.ofMinutes(2));
      var request =
          new HostActionRequested(
              "registered-nowhere",
              "unreadable-1",
              "nowhere-h1",
              "127.0.0.1:9",
              new HostAction.MoveGuest("nowhere-g1", "nowhere-h1", "nowhere-h2"));
      var unsigned = RequestRecords.unsigned(stack, request);
      var newerType = (ObjectNode) Json.MAPPER.valueToTree(unsigned.value());
      ((ObjectNode) newerType.get("event")).put("type", "HostActionOfANewerRelease");

      try (var producer =
          new KafkaProducer<>(
              KafkaClients.producerProperties(stack.kafka(), "unreadable"),
              new StringSerializer(),
              new ByteArraySerializer())) {
        // one partition (one key) for all three: the request comes after both in its order
        for (var value :
            List.of(
                "{not json".getBytes(UTF_8),
                Json.MAPPER.writeValueAsBytes(newerType),
                Json.MAPPER.writeValueAsBytes(unsigned.value()))) {
          producer.send(new ProducerRecord<>(events, request.clusterId(), value)).get();
        }
      }

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (executor.metricSum(DemoIdentities.METRICS_TOKEN, UNPROVEN) < 1
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      assertThat(executor.metricSum(DemoIdentities.METRICS_TOKEN, UNREADABLE))
          .as("records passed over as unreadable")
          .isEqualTo(2);
      assertThat(executor.metricSum(DemoIdentities.METRICS_TOKEN, UNPROVEN))
          .as("the unsigned request after them, read and refused")
          .isEqualTo(1);
      assertThat(Http.get(executor.baseUrl() + "/actuator/health").statusCode())
          .as("the executor goes on")
          .isEqualTo(200);
      assertThat(Files.readString(executor.log()))
          .contains("passing over the record at offset 0 of " + events)
          .contains("passing over the record at offset 1 of " + events);
    } finally {
      // what no event reader of the build may meet later (EventContractIT reads every events
      // topic on the broker)
      try (var admin = Admin.create(stack.kafka().properties())) {
        var own =
            admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(namespace + "."))
                .toList();
        admin.deleteTopics(own).all().get();
      }
    }
  }
}
