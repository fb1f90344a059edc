package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.testinfra.TestKafka;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** On the build's broker, over its SCRAM listener: the gate opens for good credentials only. */
class KafkaGateIT {

  @Test
  void aWrongPasswordKeepsTheGateShutSayingWhyAndStartsNothing() {
    var started = new AtomicBoolean();
    try (var gate = gate("gate-wrong", "not-the-password")) {
      gate.start();
      gate.whenOpen("a consumer", () -> started.set(true));

      assertThat(gate.status().healthy()).isFalse();
      assertThat(gate.status().problem())
          .contains("Authentication failed")
          .contains("KAFKA_SASL_USERNAME=" + TestKafka.SASL_USER)
          .doesNotContain("not-the-password");
      assertThat(started).isFalse();
    }
  }

  @Test
  void goodCredentialsOpenTheGateMakeTheTopicsAndStartWhatWaited() throws Exception {
    var started = new AtomicBoolean();
    var namespace = TestKafka.namespace("gate-good");
    try (var gate = gate(namespace, TestKafka.SASL_PASSWORD)) {
      gate.whenOpen("a consumer", () -> started.set(true));
      assertThat(started).as("nothing runs before the gate is checked").isFalse();

      gate.start();

      assertThat(gate.status().healthy()).isTrue();
      assertThat(started).isTrue();
      try (var admin = Admin.create(settings(namespace, "").connection().properties())) {
        var topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(topics).contains(new Topics(namespace).events());
      }
    }
  }

  @Test
  void aClientThatFailedToStartKeepsTheGateUnhealthyAfterLaterChecks() throws Exception {
    var namespace = TestKafka.namespace("gate-failed-start");
    try (var gate =
        new KafkaGate(
            settings(namespace, TestKafka.SASL_PASSWORD),
            Duration.ofMillis(100),
            Duration.ofMillis(100))) {
      gate.start();
      gate.whenOpen(
          "a consumer",
          () -> {
            throw new IllegalStateException("no journal");
          });
      Thread.sleep(1_000);

      assertThat(gate.status().healthy()).isFalse();
      assertThat(gate.status().problem()).isEqualTo("starting a consumer failed: no journal");
    }
  }

  private static KafkaGate gate(String namespace, String password) {
    return new KafkaGate(
        settings(namespace, password), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private static KafkaSettings settings(String namespace, String password) {
    if (password.isEmpty()) {
      return new KafkaSettings(
          TestKafka.bootstrapServers(), 1, (short) 1, namespace, KafkaSecurity.NONE, "");
    }
    var scram =
        new KafkaSecurity(
            "SASL_PLAINTEXT",
            "SCRAM-SHA-256",
            TestKafka.SASL_USER,
            password,
            null,
            null,
            null,
            null,
            null);
    return new KafkaSettings(TestKafka.saslBootstrapServers(), 1, (short) 1, namespace, scram, "");
  }
}
