package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a running campaign says its cluster waits on, as its team reads it: the step's host, command
 * and usual duration, and a host the executor cannot reach, since when, until it is reached.
 */
@ExtendWith(SharedStack.class)
class CampaignWaitsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void aHostNotReachedIsShownUnreachableSinceWhenThenItsStepRunsWithItsUsualDuration(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var clusterId = "waits-" + team;
    tenant.add(Fleets.cluster(clusterId).team(team).guestsPerHost(1, 1).build());
    var client = new CampaignClient(stack, team);
    var plan = JSON.readTree(client.post("/api/clusters/" + clusterId + "/plan", "{}").body());
    var first = plan.at("/nodeOrder/0").asString();
    var second = plan.at("/nodeOrder/1").asString();
    // the first node's backup takes a while: time to aim at the second node's, which comes next
    var firstSlow = Fault.slow(first, "/backup-host$", Duration.ofSeconds(5));
    // the second node's backup: three connections lost at its probe (~7 s of retries), then slow
    var lost = Fault.drop(second, "/backup-status$").times(3);
    var secondSlow = Fault.slow(second, "/backup-host$", Duration.ofSeconds(6));
    stack.simulator().faults().add(firstSlow);
    var campaignId = "reach-" + team;
    try {
      client.start(
          "{\"campaignId\": \"" + campaignId + "\", \"clusterIds\": [\"" + clusterId + "\"]}");
      client.await(
          campaignId,
          c ->
              CampaignClient.run(c, clusterId)
                  .path("lastStep")
                  .asString("")
                  .startsWith("BackUpGuests"),
          PATIENCE,
          "the guests backed up (the guests' backup probes as the hosts' does)");
      stack.simulator().faults().add(lost);
      stack.simulator().faults().add(secondSlow);

      var unreachable =
          CampaignClient.run(
              client.await(
                  campaignId,
                  c -> waitOf(c, clusterId, "HOST_UNREACHABLE"),
                  PATIENCE,
                  "the second node shown unreachable"),
              clusterId);
      assertThat(unreachable.at("/waiting/host").asString()).isEqualTo(second);
      assertThat(unreachable.at("/waiting/stepId").asString()).isNotEmpty();
      assertThat(unreachable.at("/detail").asString()).startsWith("cannot reach " + second);
      var since = Instant.parse(unreachable.at("/waiting/since").asString());

      var running =
          CampaignClient.run(
              client.await(
                  campaignId,
                  c ->
                      waitOf(c, clusterId, "STEP")
                          && CampaignClient.run(c, clusterId)
                              .at("/waiting/host")
                              .asString("")
                              .equals(second),
                  PATIENCE,
                  "the second node's backup running once reached"),
              clusterId);
      var wait = running.get("waiting");
      assertThat(wait.get("command").asString()).isEqualTo("BackUpHost");
      assertThat(wait.get("usual").asString())
          .as("the first node's backup made it usual")
          .startsWith("PT");
      assertThat(Instant.parse(wait.get("since").asString())).isAfter(since);

      client.await(
          campaignId,
          c ->
              CampaignClient.run(c, clusterId)
                  .path("lastStep")
                  .asString("")
                  .equals("BackUpHost " + second),
          PATIENCE,
          "the second node's backup done");
    } finally {
      stack.simulator().faults().remove(firstSlow);
      stack.simulator().faults().remove(lost);
      stack.simulator().faults().remove(secondSlow);
      client.post("/api/campaigns/" + campaignId + "/abort", "{\"reason\": \"test over\"}");
    }
  }

  private static boolean waitOf(JsonNode campaign, String clusterId, String kind) {
    return CampaignClient.run(campaign, clusterId).at("/waiting/kind").asString("").equals(kind);
  }
}
