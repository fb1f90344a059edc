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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
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
    var run = Run.of(tenant, "cold", 0, 0);

    run.start(", \"mode\": \"COLD_MIGRATE\"");
    run.awaitStatus("COMPLETED");

    var rejoined =
        run.published(
            run.stack().topics().events(),
            JsonSerde.envelopes(),
            (EventEnvelope e) ->
                e.clusterId().equals(run.clusterId()) && e.event() instanceof NodeRejoinedCluster,
            2);
    assertThat(rejoined).hasSize(2);
    var fleet = run.stack().simulator().fleet();
    assertThat(fleet.hostsOf(run.clusterId())).allMatch(h -> h.ivmVersion().equals("B.04.00"));
    assertThat(fleet.violationsOf(run.clusterId())).isEmpty();
  }

  @Test
  void aClusterOutsideTheCampaignsWindowWaitsForItToOpen(SharedStack.Tenant tenant)
      throws Exception {
    var run = Run.of(tenant, "window", 1, 0);
    var now = ZonedDateTime.now(ZoneOffset.UTC);

    run.start(
        ", \"maintenanceWindow\": {\"start\": \"%s\", \"end\": \"%s\", \"zone\": \"UTC\"}"
            .formatted(now.plusHours(2).format(HOUR_MINUTE), now.plusHours(3).format(HOUR_MINUTE)));

    var waiting = run.campaignEvents(e -> e.event() instanceof ClusterWaitingForWindow);
    assertThat(waiting)
        .singleElement()
        .extracting(e -> ((ClusterWaitingForWindow) e.event()).clusterId())
        .isEqualTo(run.clusterId());
    assertThat(run.stack().simulator().fleet().commandLogOf(run.clusterId()))
        .as("nothing runs before the window opens")
        .isEmpty();
    var aborted = run.command("/abort", "{\"reason\": \"not tonight\"}");
    assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
  }

  @Test
  void aFailedBackupSkippedWithAReasonLetsTheCampaignComplete(SharedStack.Tenant tenant)
      throws Exception {
    var run = Run.of(tenant, "skip", 1, 0);
    var failingBackup = Fault.fail(run.clusterId() + "-h2", "/backup-host$", 5);
    run.stack().simulator().faults().add(failingBackup);
    try {
      run.start("");
      run.awaitStatus("STOPPED");

      var skip =
          run.command(
              "/clusters/" + run.clusterId() + "/skip", "{\"reason\": \"backed up by hand\"}");
      assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
    } finally {
      run.stack().simulator().faults().remove(failingBackup);
    }
    run.awaitStatus("COMPLETED");

    var skipped = run.campaignEvents(e -> e.event() instanceof StepSkipRequested);
    assertThat(skipped)
        .singleElement()
        .extracting(e -> ((StepSkipRequested) e.event()).reason())
        .isEqualTo("backed up by hand");
  }

  /** A cluster of a team of its own, simulated and registered, and its campaign {@code k-<id>}. */
  private record Run(Stack stack, String clusterId, CampaignClient client) {

    static Run of(SharedStack.Tenant tenant, String prefix, int... guestsPerHost) throws Exception {
      var team = tenant.newTeam();
      var id = prefix + "-" + team;
      tenant.add(Fleets.cluster(id).team(team).guestsPerHost(guestsPerHost).build());
      return new Run(tenant.stack(), id, new CampaignClient(tenant.stack(), team));
    }

    String campaignId() {
      return "k-" + clusterId;
    }

    /** Starts the campaign over the cluster, with {@code options} (JSON members after a comma). */
    void start(String options) throws Exception {
      client.start(
          "{\"campaignId\": \"%s\", \"clusterIds\": [\"%s\"]%s}"
              .formatted(campaignId(), clusterId, options));
    }

    void awaitStatus(String status) throws Exception {
      client.await(
          campaignId(), c -> CampaignClient.status(c).equals(status), PATIENCE, "it is " + status);
    }

    HttpResponse<String> command(String path, String body) throws Exception {
      return client.post("/api/campaigns/" + campaignId() + path, body);
    }

    List<CampaignEnvelope> campaignEvents(Predicate<CampaignEnvelope> which) {
      return published(
          stack.topics().campaignEvents(),
          JsonSerde.campaignEnvelopes(),
          e -> e.campaignId().equals(campaignId()) && which.test(e),
          1);
    }

    <V> List<V> published(String topic, JsonSerde<V> values, Predicate<V> which, int wanted) {
      return ContractReader.read(stack.kafka(), topic, values, which, wanted, ON_KAFKA);
    }
  }
}
