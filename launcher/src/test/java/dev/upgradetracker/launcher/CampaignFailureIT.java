package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns meeting failures: a failing host command, a hung one, a crash in between: the hung
 * action's test kills the shared stack's command service and waits for it to serve again.
 */
@ExtendWith(SharedStack.class)
class CampaignFailureIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void aFailedStepStopsTheCampaignWithTheHostsOutputAndARetryAfterTheFaultIsClearedCompletesIt(
      SharedStack.Tenant tenant) throws Exception {
    var team = tenant.newTeam();
    tenant.add(cluster("f1", team), cluster("f2", team));
    var stack = tenant.stack();
    var failingUpdate = Fault.fail("f1-h2", "^update-ux", 7);
    stack.simulator().faults().add(failingUpdate);
    var client = new CampaignClient(stack, team);
    client.start("{\"campaignId\": \"autumn\", \"clusterIds\": [\"f1\", \"f2\"]}");

    var stopped =
        client.await(
            "autumn", c -> CampaignClient.status(c).equals("STOPPED"), PATIENCE, "it stopped");

    var f1 = CampaignClient.run(stopped, "f1");
    assertThat(f1.get("phase").asString()).isEqualTo("FAILED");
    var failure = f1.get("failure");
    assertThat(failure.get("command").asString()).isEqualTo("UpgradeNode");
    assertThat(failure.get("subject").asString()).isEqualTo("f1-h2");
    var output = failure.get("failures").get(0).get("outcome");
    assertThat(output.get("exitCode").asInt()).isEqualTo(7);
    assertThat(output.get("output").asString()).contains("simulated failure of 'update-ux");
    assertThat(CampaignClient.run(stopped, "f2").get("phase").asString())
        .as("stop at the first failure: the next cluster is not taken up")
        .isEqualTo("PENDING");
    var skip =
        client.post("/api/campaigns/autumn/clusters/f1/skip", "{\"reason\": \"try anyway\"}");
    assertThat(skip.statusCode()).as(skip.body()).isEqualTo(409);
    assertThat(skip.body()).contains("cannot be skipped");

    stack.simulator().faults().remove(failingUpdate);
    var retry = client.post("/api/campaigns/autumn/clusters/f1/retry", "");
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    client.await(
        "autumn", c -> CampaignClient.status(c).equals("COMPLETED"), PATIENCE, "it completed");

    var fleet = stack.simulator().fleet();
    for (var cluster : List.of("f1", "f2")) {
      assertThat(fleet.hostsOf(cluster)).allMatch(h -> h.ivmVersion().equals("B.04.00"));
      assertThat(fleet.violationsOf(cluster)).isEmpty();
    }
  }

  @Test
  void aHungActionFailsItsStepAtTheTimeoutAcrossACommandServiceCrashAndAbortReleasesTheCluster(
      SharedStack.Tenant tenant) throws Exception {
    var team = tenant.newTeam();
    var served = tenant.add(cluster("t1", team));
    var stack = tenant.stack();
    var hangs =
        served.clusters().getFirst().hosts().stream()
            .map(host -> Fault.hang(host.name(), "/backup-host$"))
            .toList();
    hangs.forEach(stack.simulator().faults()::add);
    try {
      var client = new CampaignClient(stack, team);
      client.start(
          "{\"campaignId\": \"hung\", \"clusterIds\": [\"t1\"], \"stepTimeout\": \"PT20S\"}");
      client.awaitCluster(
          "t1",
          c -> c.at("/progress/currentStep/command").asString("").equals("BackUpHost"),
          PATIENCE,
          "the host backup started");
      var again =
          client.post("/api/campaigns", "{\"campaignId\": \"hung-2\", \"clusterIds\": [\"t1\"]}");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
      assertThat(JSON.readTree(again.body()).get("rule").asString()).isEqualTo("R9");

      stack.crash("command-service");
      stack.restart("command-service");
      var stopped =
          client.await(
              "hung", c -> CampaignClient.status(c).equals("STOPPED"), PATIENCE, "it timed out");

      var failure = CampaignClient.run(stopped, "t1").get("failure");
      assertThat(failure.get("command").asString()).isEqualTo("BackUpHost");
      assertThat(failure.at("/failures/0/outcome/output").asString())
          .contains("no result before the step's timeout");

      var aborted =
          client.after(
              client.post("/api/campaigns/hung/abort", "{\"reason\": \"backup system down\"}"));
      assertThat(aborted.get("status").asString()).isEqualTo("ABORTED");
      assertThat(aborted.get("reason").asString()).isEqualTo("backup system down");
      var released =
          client.awaitCluster(
              "t1",
              c -> c.at("/progress/campaignId").isNull(),
              PATIENCE,
              "the cluster was released");
      assertThat(released.get("hosts").valueStream())
          .as("the state the abort left it in: no host upgraded")
          .allMatch(h -> h.get("ivmVersion").asString().startsWith("A."));
      var next =
          client.post("/api/campaigns", "{\"campaignId\": \"hung-2\", \"clusterIds\": [\"t1\"]}");
      assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
      assertThat(stack.simulator().fleet().violationsOf("t1")).isEmpty();
    } finally {
      hangs.forEach(stack.simulator().faults()::remove);
    }
  }

  private static ClusterSpec cluster(String id, String team) {
    return Fleets.cluster(id).team(team).guestsPerHost(2, 0, 1).build();
  }
}
