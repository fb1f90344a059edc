package dev.upgradetracker.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.query.campaign.CampaignProgress.ClusterRun;
import dev.upgradetracker.query.campaign.CampaignProgress.RunPhase;
import dev.upgradetracker.query.campaign.CampaignProgress.Wait;
import dev.upgradetracker.query.campaign.CampaignProgress.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoExecutorTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aClusterWhoseStepWaitsOnHostActionsWaitsForAnExecutorSinceNoneIsAlive() {
    var view =
        campaign()
            .withRun(
                "k1",
                r -> r.in(RunPhase.RUNNING, null).waiting(Wait.onStep(WaitKind.STEP, T0, "s1")))
            .withRun(
                "k2",
                r ->
                    r.in(RunPhase.RUNNING, null)
                        .waiting(Wait.onStep(WaitKind.STEP, T0.plusSeconds(90), "s2")));

    var now = NoExecutor.since(view, T0.plusSeconds(60));

    assertThat(run(now, "k1").waiting())
        .as("the step waited before the executors went: it waits for one since they went")
        .isEqualTo(
            new Wait(WaitKind.NO_EXECUTOR, T0.plusSeconds(60), null, null, "s1", null, null, null));
    assertThat(run(now, "k2").waiting().since()).isEqualTo(T0.plusSeconds(90));
    assertThat(run(now, "k2").waiting().kind()).isEqualTo(WaitKind.NO_EXECUTOR);
  }

  @Test
  void approvalsWindowsAndFailuresWaitForPeopleOrTimeNotForAnExecutor() {
    var view =
        campaign()
            .withRun(
                "k1",
                r ->
                    r.in(RunPhase.AWAITING_APPROVAL, null)
                        .waiting(
                            new Wait(WaitKind.APPROVAL, T0, null, "h2", "s1", "a", null, null)))
            .withRun(
                "k2",
                r ->
                    r.in(RunPhase.FAILED, null)
                        .waiting(Wait.onStep(WaitKind.RETRY_OR_SKIP, T0, "s2")));

    assertThat(NoExecutor.since(view, T0)).isEqualTo(view);
  }

  private static CampaignProgress campaign() {
    return CampaignProgress.empty("c1")
        .started(
            "alpha",
            "anna",
            List.of("k1", "k2"),
            new CampaignOptions(
                2,
                new FailurePolicy(false, 0),
                false,
                null,
                UpgradeMode.UPDATE,
                Duration.ofHours(2)),
            T0);
  }

  private static ClusterRun run(CampaignProgress view, String clusterId) {
    return view.clusters().stream()
        .filter(r -> r.clusterId().equals(clusterId))
        .findFirst()
        .orElseThrow();
  }
}
