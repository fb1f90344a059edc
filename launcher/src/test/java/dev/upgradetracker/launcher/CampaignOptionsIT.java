package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.contract.ContractReader;
import dev.upgradetracker.simulator.faults.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A campaign's options end to end: cold migration, a maintenance window, a skipped step. */
@ExtendWith(SharedStack.class)
class CampaignOptionsIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration ON_KAFKA = Duration.ofSeconds(30);
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  @Test
  void aColdMigratedClusterRejoinsItsNodesOnceNoHostRuns3x(SharedStack.Tenant tenant)
      throws Exception {
    var team = tenant.newTeam();
    var id = "cold-" + team;
    tenant.add(Fleets.cluster(id).team(team).guestsPerHost(0, 0).build());
    var client = new CampaignClient(tenant.stack(), team);

    client.start(
        "{\"campaignId\": \"k-"
            + id
            + "\", \"clusterIds\": [\""
            + id
            + "\"], \"mode\": \"COLD_MIGRATE\"}");
    client.await(
        "k-" + id, c -> CampaignClient.status(c).equals("COMPLETED"), PATIENCE, "it completed");

    var rejoined =
        ContractReader.read(
            tenant.stack().kafka(),
            tenant.stack().topics().events(),
            JsonSerde.envelopes(),
            (EventEnvelope e) ->
                e.clusterId().equals(id) && e.event() instanceof NodeRejoinedCluster,
            2,
            ON_KAFKA);
    assertThat(rejoined).hasSize(2);
    var fleet = tenant.stack().simulator().fleet();
    assertThat(fleet.hostsOf(id)).allMatch(h -> h.ivmVersion().equals("B.04.00"));
    assertThat(fleet.violationsOf(id)).isEmpty();
  }

  @Test
  void aClusterOutsideTheCampaignsWindowWaitsForItToOpen(SharedStack.Tenant tenant)
      throws Exception {
    var team = tenant.newTeam();
    var id = "window-" + team;
    tenant.add(Fleets.cluster(id).team(team).guestsPerHost(1, 0).build());
    var client = new CampaignClient(tenant.stack(), team);
    var now = ZonedDateTime.now(ZoneOffset.UTC);

    client.start(
        ("{\"campaignId\": \"k-%s\", \"clusterIds\": [\"%s\"], \"maintenanceWindow\":"
                + " {\"start\": \"%s\", \"end\": \"%s\", \"zone\": \"UTC\"}}")
            .formatted(
                id,
                id,
                now.plusHours(2).format(HOUR_MINUTE),
                now.plusHours(3).format(HOUR_MINUTE)));

    var waiting =
        ContractReader.read(
            tenant.stack().kafka(),
            tenant.stack().topics().campaignEvents(),
            JsonSerde.campaignEnvelopes(),
            (CampaignEnvelope e) ->
                e.campaignId().equals("k-" + id) && e.event() instanceof ClusterWaitingForWindow,
            1,
            ON_KAFKA);
    assertThat(waiting)
        .singleElement()
        .extracting(e -> ((ClusterWaitingForWindow) e.event()).clusterId())
        .isEqualTo(id);
    assertThat(tenant.stack().simulator().fleet().commandLogOf(id))
        .as("nothing runs before the window opens")
        .isEmpty();
    var aborted = client.post("/api/campaigns/k-" + id + "/abort", "{\"reason\": \"not tonight\"}");
    assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
  }

  @Test
  void aFailedBackupSkippedWithAReasonLetsTheCampaignComplete(SharedStack.Tenant tenant)
      throws Exception {
    var team = tenant.newTeam();
    var id = "skip-" + team;
    tenant.add(Fleets.cluster(id).team(team).guestsPerHost(1, 0).build());
    var stack = tenant.stack();
    var failingBackup = Fault.fail(id + "-h2", "/backup-host$", 5);
    stack.simulator().faults().add(failingBackup);
    var client = new CampaignClient(stack, team);
    try {
      client.start("{\"campaignId\": \"k-" + id + "\", \"clusterIds\": [\"" + id + "\"]}");
      client.await(
          "k-" + id, c -> CampaignClient.status(c).equals("STOPPED"), PATIENCE, "it stopped");

      var skip =
          client.post(
              "/api/campaigns/k-" + id + "/clusters/" + id + "/skip",
              "{\"reason\": \"backed up by hand\"}");
      assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
    } finally {
      stack.simulator().faults().remove(failingBackup);
    }
    client.await(
        "k-" + id, c -> CampaignClient.status(c).equals("COMPLETED"), PATIENCE, "it completed");

    var skipped =
        ContractReader.read(
            stack.kafka(),
            stack.topics().campaignEvents(),
            JsonSerde.campaignEnvelopes(),
            (CampaignEnvelope e) ->
                e.campaignId().equals("k-" + id) && e.event() instanceof StepSkipRequested,
            1,
            ON_KAFKA);
    assertThat(skipped)
        .singleElement()
        .extracting(e -> ((StepSkipRequested) e.event()).reason())
        .isEqualTo("backed up by hand");
  }
}
