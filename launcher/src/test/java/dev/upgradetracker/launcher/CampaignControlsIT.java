package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team holding a campaign back: approval gates before node upgrades, pause and resume. */
@ExtendWith(SharedStack.class)
class CampaignControlsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void noNodeIsUpgradedBeforeItsApprovalNorWhilePausedAndTheCampaignThenCompletes(
      SharedStack.Tenant tenant) throws Exception {
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("g1").team(team).guestsPerHost(1, 0).build());
    var stack = tenant.stack();
    var client = new CampaignClient(stack, team);
    var log = stack.simulator().fleet();
    client.start("{\"campaignId\": \"gated\", \"clusterIds\": [\"g1\"], \"approvalGates\": true}");

    var waiting = awaitApproval(client, "g1-h2");
    assertThat(waiting.get("status").asString()).isEqualTo("RUNNING");
    assertThat(log.commandLogOf("g1")).noneMatch(e -> e.commandLine().startsWith("update-ux"));
    var bravo = new CampaignClient(stack, tenant.newTeam());
    var foreign = bravo.approve("gated", "g1", "g1-h2");
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.body()).contains("R8");
    var byTheOperator =
        client.post("/api/campaigns/gated/clusters/g1/approve", "{\"host\": \"g1-h2\"}");
    assertThat(byTheOperator.statusCode()).as("an operator is no approver").isEqualTo(403);
    var wrongHost = client.approve("gated", "g1", "g1-h1");
    assertThat(wrongHost.statusCode()).as(wrongHost.body()).isEqualTo(409);

    var paused = client.post("/api/campaigns/gated/pause", "");
    var approved = client.approve("gated", "g1", "g1-h2");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(version(approved))
        .as("each answer carries the campaign's version as its ETag, the approval's a later one")
        .isGreaterThan(version(paused));
    // The campaign as of the approval: a step runs only once the campaign has authorized it, so a
    // paused campaign with no step in flight has started nothing.
    var afterApproval = client.after(approved);
    assertThat(CampaignClient.status(afterApproval)).isEqualTo("PAUSED");
    assertThat(CampaignClient.run(afterApproval, "g1").get("phase").asString())
        .as("approved while paused: no step is authorized, none waits for approval")
        .isEqualTo("RUNNING");
    assertThat(client.cluster("g1").get("hosts").valueStream())
        .noneMatch(h -> h.get("upgrading").asBoolean());
    assertThat(log.commandLogOf("g1"))
        .as("approved while paused: nothing starts")
        .noneMatch(e -> e.commandLine().startsWith("update-ux"));

    client.post("/api/campaigns/gated/resume", "");
    awaitApproval(client, "g1-h1");
    assertThat(log.host("g1-h2").orElseThrow().ivmVersion()).isEqualTo("B.04.00");
    assertThat(log.host("g1-h1").orElseThrow().ivmVersion()).isEqualTo("A.03.50");
    client.approve("gated", "g1", "g1-h1");

    client.await(
        "gated", c -> CampaignClient.status(c).equals("COMPLETED"), PATIENCE, "it completed");
    assertThat(log.hostsOf("g1")).allMatch(h -> h.ivmVersion().equals("B.04.00"));
    assertThat(log.violationsOf("g1")).isEmpty();
  }

  private static JsonNode awaitApproval(CampaignClient client, String host) throws Exception {
    return client.await(
        "gated",
        c ->
            CampaignClient.run(c, "g1").get("phase").asString().equals("AWAITING_APPROVAL")
                && ("upgrade of " + host + " awaits approval")
                    .equals(CampaignClient.run(c, "g1").get("detail").asString("")),
        PATIENCE,
        "the upgrade of " + host + " waits for approval");
  }

  /** The version an answer's ETag names. */
  private static long version(HttpResponse<String> answer) {
    return Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
  }
}
