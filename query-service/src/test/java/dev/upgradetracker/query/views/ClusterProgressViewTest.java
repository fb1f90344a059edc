package dev.upgradetracker.query.views;

import static dev.upgradetracker.query.views.ViewsDriver.T0;
import static dev.upgradetracker.query.views.ViewsDriver.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.cluster.ClusterProgress.StepStatus;
import dev.upgradetracker.query.cluster.ClusterView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterProgressViewTest {

  private final ViewsDriver driver = new ViewsDriver();

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aRunningStepShowsAsTheCurrentStepWithTheStepsThePlanCounted() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 1, new CampaignAttached("c1", "k1"));

    driver.send("alpha", 2, started("k1/c1/1", "BackUpHost", 5));

    var progress = view().progress();
    assertThat(progress.phase()).isEqualTo(ClusterPhase.IN_PROGRESS);
    assertThat(progress.campaignId()).isEqualTo("k1");
    assertThat(progress.currentStep().command()).isEqualTo("BackUpHost");
    assertThat(progress.currentStep().status()).isEqualTo(StepStatus.RUNNING);
    assertThat(progress.stepsDone()).isZero();
    assertThat(progress.stepsTotal()).isEqualTo(5);
    assertThat(progress.eta()).isNull();
  }

  @Test
  void finishedStepsCountAndTheirPaceGivesTheEta() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, new CampaignAttached("c1", "k1"));
    driver.send("alpha", 0, started("k1/c1/1", "BackUpHost", 5));
    driver.send("alpha", 60, finished("k1/c1/1", "BackUpHost", StepOutcome.SUCCEEDED));
    driver.send("alpha", 60, started("k1/c1/2", "BackUpGuests", 4));
    driver.send("alpha", 180, finished("k1/c1/2", "BackUpGuests", StepOutcome.SUCCEEDED));

    var progress = view().progress();
    assertThat(progress.stepsDone()).isEqualTo(2);
    assertThat(progress.stepsTotal()).isEqualTo(5);
    assertThat(progress.currentStep()).isNull();
    // two steps took 60 s and 120 s: three more at 90 s each
    assertThat(progress.eta()).isEqualTo(T0.plusSeconds(180 + 3 * 90));
  }

  @Test
  void aFailedStepShowsTheHostsOutputAndTheClusterAsFailed() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, new CampaignAttached("c1", "k1"));
    driver.send("alpha", 0, started("k1/c1/1", "UpgradeNode", 3));
    driver.send(
        "alpha",
        1,
        new HostActionRequested(
            "c1",
            "k1/c1/1@h1",
            "h1",
            "127.0.0.1:1",
            new HostAction.UpdateNode(UpgradeMode.UPDATE, false)));
    var output = "x".repeat(2000) + "\nERROR: update-ux: depot unreachable";
    driver.send(
        "alpha",
        30,
        new HostActionFailed(
            "c1",
            "k1/c1/1@h1",
            "h1",
            new ActionOutcome(ActionStatus.FAILED, 7, output, 29_000, List.of("update-ux"), "fp")));
    driver.send("alpha", 30, finished("k1/c1/1", "UpgradeNode", StepOutcome.FAILED));

    var progress = view().progress();
    assertThat(progress.phase()).isEqualTo(ClusterPhase.FAILED);
    assertThat(progress.currentStep().status()).isEqualTo(StepStatus.FAILED);
    assertThat(progress.failuresTotal()).isEqualTo(1);
    assertThat(progress.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.host()).isEqualTo("h1");
              assertThat(failure.exitCode()).isEqualTo(7);
              assertThat(failure.output()).endsWith("ERROR: update-ux: depot unreachable");
              assertThat(failure.output().length()).isLessThan(output.length());
              assertThat(failure.action()).contains("UpdateNode");
            });
    assertThat(progress.eta()).isNull();
  }

  @Test
  void aNodeUpgradeWaitingForApprovalShowsAsSuch() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, new CampaignAttached("c1", "k1"));

    driver.send("alpha", 5, new NodeUpgradeAwaitingApproval("c1", "k1", "k1/c1/4", "h2"));

    var progress = view().progress();
    assertThat(progress.phase()).isEqualTo(ClusterPhase.AWAITING_APPROVAL);
    assertThat(progress.currentStep().subject()).isEqualTo("h2");
  }

  @Test
  void aClusterWithEveryHostOn4AndEveryKitInstalledIsUpgraded() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    for (var host : List.of("h1", "h2")) {
      driver.send(
          "alpha",
          1,
          new NodeUpgraded("c1", host, UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "u"));
    }
    assertThat(view().progress().phase()).isEqualTo(ClusterPhase.IN_PROGRESS);

    driver.send("alpha", 2, new GuestKitInstalled("c1", "g1", "B.04.00", "k1"));
    driver.send("alpha", 2, new GuestKitInstalled("c1", "g2", "B.04.00", "k2"));

    assertThat(view().progress().phase()).isEqualTo(ClusterPhase.UPGRADED);
  }

  @Test
  void theActivityListsTheLatestEventsWithWhoAndWhat() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 3, new GuestKitInstalled("c1", "g1", "B.04.00", "k1"));

    assertThat(view().activity())
        .extracting(e -> e.position() + " " + e.team() + " " + e.summary())
        .containsExactly(
            "0 alpha ClusterRegistered team=alpha topology=GUESTS_AS_PACKAGES clusterLock=false",
            "1 alpha GuestKitInstalled guest=g1 kitVersion=B.04.00 actionId=k1");
    assertThat(view().activity().getLast().at()).isEqualTo(T0.plusSeconds(3));
  }

  private ClusterView view() {
    return driver.view(ClusterView.STORE, "c1");
  }

  private static CampaignStepStarted started(String stepId, String command, int remaining) {
    return new CampaignStepStarted(
        "c1",
        "k1",
        stepId,
        command,
        "h1",
        List.of(stepId + "@h1"),
        T0.plusSeconds(3600),
        remaining);
  }

  private static CampaignStepFinished finished(String stepId, String command, StepOutcome outcome) {
    return new CampaignStepFinished(
        "c1", "k1", stepId, command, "h1", outcome, List.of(), null, null);
  }
}
