package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.testinfra.TestKafka;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests whose services need settings the shared stack cannot have, on one stack of their own
 * (one start instead of one each): every service reaches the build's broker over its SASL_PLAINTEXT
 * listener (SCRAM-SHA-256), and the fleet allows one node upgrade at a time per depot. Being on the
 * build's broker, its events meet the event contract.
 */
class SecondStackIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final List<ClusterSpec> SLOT_FLEET =
      Fleets.mixedAcrossSites("slot", "alpha", 2, 1);

  @TempDir static Path dataDir;
  private static Stack stack;

  @BeforeAll
  static void start() throws Exception {
    var clusters =
        Stream.concat(
                Stream.of(Fleets.cluster("sasl").guestsPerHost(1, 0).build()), SLOT_FLEET.stream())
            .toArray(ClusterSpec[]::new);
    stack =
        Stack.start(
            TestStacks.overSasl(
                dataDir,
                TestKafka.SASL_USER,
                TestKafka.SASL_PASSWORD,
                Map.of("UPGRADE_SLOTS_PER_DEPOT", "1"),
                clusters));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

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

  /**
   * Two clusters of one site, both in progress in one campaign, their hosts installing from one
   * depot that allows one node upgrade at a time. One cluster's upgrade waits for the other's slot,
   * the view says so, and the simulator never sees two upgrades on the depot at once.
   */
  @Test
  void aNodeUpgradeWaitsForTheOnlySlotOfItsDepotAndBothClustersEndUpgraded() throws Exception {
    // a queued upgrade waits as long as the slot's holder updates its node: made long enough
    // that the view, polled every 200 ms, is seen saying so
    var slowUpdate = Fault.slow("*", "^update-ux", Duration.ofSeconds(2));
    stack.simulator().faults().add(slowUpdate);
    try {
      var fleets = Map.of("alpha", SLOT_FLEET);
      var campaigns = new FleetCampaigns(stack, fleets, 2);
      campaigns.start();

      campaigns.awaitCompleted(PATIENCE);

      var checks = new FleetChecks(stack, fleets);
      assertThat(campaigns.stepsNotAsPlanned()).isEmpty();
      assertThat(checks.hostsUpgradedWithoutBreach()).isEmpty();
      assertThat(campaigns.slotWaits())
          .anyMatch(detail -> detail.contains("waiting for a depot slot (1 of 1 in use at depot"));
      var depot = checks.depotUse(1);
      assertThat(depot.problems()).isEmpty();
      assertThat(depot.mostAtOnce()).isEqualTo(1);
    } finally {
      stack.simulator().faults().remove(slowUpdate);
    }
  }
}
