package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.testinfra.TestKafka;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services on a Kafka that demands credentials: the build's broker over its SASL_PLAINTEXT
 * listener (SCRAM-SHA-256). It needs every service started with those settings, so it has a stack
 * of its own.
 */
class KafkaSaslIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  /** The first answer of a service's health endpoint, once it listens. */
  private static HttpResponse<String> healthOnceAnswered(String url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        return Http.get(url);
      } catch (IOException notListeningYet) {
        if (System.nanoTime() > deadline) {
          throw notListeningYet;
        }
        Thread.sleep(250);
      }
    }
  }

  @Test
  @SuppressWarnings("try") // the extra executor runs, unused, until closed
  void theServicesWorkOverSaslAndOneWithAWrongPasswordFailsSayingWhy() throws Exception {
    var settings =
        TestStacks.overSasl(
            dataDir,
            TestKafka.SASL_USER,
            TestKafka.SASL_PASSWORD,
            Fleets.cluster("sasl").guestsPerHost(1, 0).build());
    try (var stack = Stack.start(settings)) {
      var moved =
          Http.postJson(
              stack.commandUrl() + "/api/clusters/sasl/guests/sasl-g1/move",
              stack.tokenOf("alpha"),
              "{\"toHost\":\"sasl-h2\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String host = "";
      while (!host.equals("sasl-h2") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        var view = Http.get(stack.queryUrl() + "/api/clusters/sasl", stack.tokenOf("alpha"));
        if (view.statusCode() == 200) {
          host = JSON.readTree(view.body()).at("/guests/0/host").asString("");
        }
      }
      assertThat(host)
          .as("command, publication, executor, result and view, all over SASL")
          .isEqualTo("sasl-h2");

      var wrong = Files.createTempDirectory("ut-sasl-wrong-");
      int port = TestStacks.freePort();
      try (var executor =
          stack.launchExtraExecutor(
              Map.of(
                  "KAFKA_SASL_PASSWORD", "not-the-password",
                  "UT_DATA_DIR", wrong.toString(),
                  "EXECUTOR_GROUP", "wrong-password"),
              port)) {
        var health = healthOnceAnswered("http://127.0.0.1:" + port + "/actuator/health");
        assertThat(health.statusCode()).as("health DOWN: %s", health.body()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).at("/components/kafka/status").asString())
            .isEqualTo("DOWN");
        assertThat(Files.readString(wrong.resolve("logs").resolve("executor.log")))
            .contains("Kafka does not accept this service: Authentication failed")
            .contains("KAFKA_SASL_USERNAME=" + TestKafka.SASL_USER)
            .doesNotContain("not-the-password");
      }
    }
  }
}
