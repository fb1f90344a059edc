package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A team holding a campaign back: approval gates before node upgrades, pause and resume. */
class CampaignControlsIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path dataDir;

  @Test
  void noNodeIsUpgradedBeforeItsApprovalNorWhilePausedAndTheCampaignThenCompletes()
      throws Exception {
    var cluster =
        new ClusterSpec(
            "g1",
            "alpha",
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(TestStacks.host("g1-h1"), TestStacks.host("g1-h2")),
            List.of(new Guest("g1-g1", "g1-h1", "A.03.50")),
            List.of());
    try (var stack = Stack.start(TestStacks.on(dataDir, cluster))) {
      var client = new CampaignClient(stack, "alpha");
      var log = stack.simulator().fleet();
      client.start(
          "{\"campaignId\": \"gated\", \"clusterIds\": [\"g1\"], \"approvalGates\": true}");

      var waiting = awaitApproval(client, "g1-h2");
      assertThat(waiting.get("status").asString()).isEqualTo("RUNNING");
      assertThat(log.commandLog()).noneMatch(e -> e.commandLine().startsWith("update-ux"));
      var bravo = new CampaignClient(stack, "bravo");
      var foreign = bravo.post("/api/campaigns/gated/clusters/g1/approve", "{\"host\": \"g1-h2\"}");
      assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
      var wrongHost =
          client.post("/api/campaigns/gated/clusters/g1/approve", "{\"host\": \"g1-h1\"}");
      assertThat(wrongHost.statusCode()).as(wrongHost.body()).isEqualTo(409);

      client.post("/api/campaigns/gated/pause", "");
      client.post("/api/campaigns/gated/clusters/g1/approve", "{\"host\": \"g1-h2\"}");
      Thread.sleep(3_000);
      assertThat(log.commandLog())
          .as("approved while paused: nothing starts")
          .noneMatch(e -> e.commandLine().startsWith("update-ux"));

      client.post("/api/campaigns/gated/resume", "");
      awaitApproval(client, "g1-h1");
      assertThat(log.host("g1-h2").orElseThrow().ivmVersion()).isEqualTo("B.04.00");
      assertThat(log.host("g1-h1").orElseThrow().ivmVersion()).isEqualTo("A.03.50");
      client.post("/api/campaigns/gated/clusters/g1/approve", "{\"host\": \"g1-h1\"}");

      client.await(
          "gated", c -> CampaignClient.status(c).equals("COMPLETED"), PATIENCE, "it completed");
      assertThat(log.hosts()).allMatch(h -> h.ivmVersion().equals("B.04.00"));
      assertThat(log.violations()).isEmpty();
    }
  }

  private static JsonNode awaitApproval(CampaignClient client, String host) throws Exception {
    return client.await(
        "gated",
        c -> ("approval to upgrade " + host).equals(c.at("/progress/0/waitingFor").asString("")),
        PATIENCE,
        "the upgrade of " + host + " waits for approval");
  }
}
