package dev.upgradetracker.query.views;

import static dev.upgradetracker.query.views.ViewsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostReached;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import dev.upgradetracker.events.campaign.CampaignEvent.StepRetried;
import dev.upgradetracker.events.campaign.CampaignEvent.StepStarted;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.campaign.CampaignProgress.RunPhase;
import dev.upgradetracker.query.campaign.CampaignProgress.Status;
import dev.upgradetracker.query.campaign.CampaignProgress.Wait;
import dev.upgradetracker.query.campaign.CampaignProgress.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CampaignProgressViewTest {

  private final ViewsDriver driver = new ViewsDriver();

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aStartedCampaignListsItsClustersAsPending() {
    start();

    var view = view();
    assertThat(view.status()).isEqualTo(Status.RUNNING);
    assertThat(view.team()).isEqualTo("alpha");
    assertThat(view.clusters())
        .extracting(r -> r.clusterId() + " " + r.phase())
        .containsExactly("c1 PENDING", "c2 PENDING", "c3 PENDING", "c4 PENDING");
    assertThat(view.counts().pending()).isEqualTo(4);
    assertThat(view.counts().percent()).isZero();
  }

  @Test
  void percentCountsTheStepsOfEveryClustersPlanAndTheEtaFollowsTheStepPace() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(0, new ClusterAdmitted("k1", "c2"));
    driver.send(600, completed("c1", 1, "BackUpHost h1", 1));
    driver.send(1200, completed("c1", 2, "UpgradeNode h1", 0));
    driver.send(1800, new ClusterCompleted("k1", "c1"));
    driver.send(1800, completed("c2", 1, "BackUpHost h1", 3));

    var counts = view().counts();
    assertThat(counts.done()).isEqualTo(1);
    assertThat(counts.running()).isEqualTo(1);
    assertThat(counts.pending()).isEqualTo(2);
    assertThat(counts.stepsCompleted()).isEqualTo(3);
    // c1 took 2 steps, c2 plans 4; c3 and c4, not planned yet, are counted as their mean, 3 each
    assertThat(counts.stepsPlanned()).isEqualTo(12);
    assertThat(counts.percent()).isEqualTo(25.0);
    assertThat(counts.clustersPerHour()).isEqualTo(2.0);
    // three steps in half an hour: the nine left take 90 minutes
    assertThat(counts.eta()).isEqualTo(T0.plusSeconds(1800 + 90 * 60));
  }

  @Test
  void aOneClusterCampaignAt14Of15StepsShows93Percent() {
    start("c1");
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    for (int step = 1; step <= 14; step++) {
      driver.send(60L * step, completed("c1", step, "BackUpHost h1", 15 - step));
    }

    var counts = view().counts();
    assertThat(counts.done()).isZero();
    assertThat(counts.stepsPlanned()).isEqualTo(15);
    assertThat(counts.percent()).isEqualTo(93.3);
    assertThat(counts.eta()).isEqualTo(T0.plusSeconds(14 * 60 + 60));
  }

  @Test
  void aPausedCampaignShowsPausedWithItsProgressAndNoEta() {
    start("c1");
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(60, completed("c1", 1, "BackUpHost h1", 3));
    driver.send(120, new CampaignPaused("k1"));

    assertThat(view().status()).isEqualTo(Status.PAUSED);
    assertThat(view().counts().percent()).isEqualTo(25.0);
    assertThat(view().counts().eta()).isNull();
  }

  @Test
  void eachWaitOfAClusterIsNamedByKindWithSinceWhenAndWhatItWaitsOn() {
    start("c1");
    assertThat(waiting())
        .isEqualTo(new Wait(WaitKind.ADMISSION, T0, null, null, null, null, null, null));

    driver.send(10, new ClusterAdmitted("k1", "c1"));
    driver.send(10, firstStepAuthorized());
    assertThat(waiting())
        .isEqualTo(new Wait(WaitKind.STEP, at(10), null, null, "k1/c1/1", null, null, null));

    driver.send(
        15,
        new StepOverdue(
            "k1", "c1", "k1/c1/1", "BackUpHost", "h1", at(10), Duration.ofMillis(1500)));
    assertThat(waiting())
        .as("stuck? since the step started, with its command's usual duration")
        .isEqualTo(
            new Wait(
                WaitKind.STUCK,
                at(10),
                null,
                "h1",
                "k1/c1/1",
                null,
                "BackUpHost",
                Duration.ofMillis(1500)));

    driver.send(20, new ClusterWaitingForWindow("k1", "c1", at(3600)));
    assertThat(waiting())
        .isEqualTo(new Wait(WaitKind.WINDOW, at(20), at(3600), null, null, null, null, null));

    driver.send(30, new ClusterAwaitingApproval("k1", "c1", "k1/c1/5", "h2"));
    assertThat(waiting())
        .isEqualTo(
            new Wait(
                WaitKind.APPROVAL,
                at(30),
                null,
                "h2",
                "k1/c1/5",
                "an approver of team alpha other than anna, who started the campaign",
                null,
                null));

    driver.send(
        40,
        new ClusterAwaitingSlot(
            "k1", "c1", "k1/c1/5", "h2", new Usage("depot-east", "grenoble", 2, 2, 3, 6)));
    assertThat(waiting())
        .isEqualTo(new Wait(WaitKind.SLOT, at(40), null, "h2", "k1/c1/5", null, null, null));

    driver.send(
        50,
        new ClusterFailed(
            "k1", "c1", "k1/c1/5", "UpgradeNode", "h2", List.of(), "no result before timeout"));
    assertThat(waiting())
        .isEqualTo(
            new Wait(WaitKind.RETRY_OR_SKIP, at(50), null, null, "k1/c1/5", null, null, null));

    driver.send(60, new StepRetried("k1", "c1", "k1/c1/5"));
    driver.send(70, new ClusterCompleted("k1", "c1"));
    assertThat(waiting()).as("done: waiting for nothing").isNull();
  }

  @Test
  void aRunningStepNamesItsHostCommandAndUsualDurationAndAnUnreachableHostSinceWhen() {
    start("c1");
    driver.send(10, new ClusterAdmitted("k1", "c1"));
    driver.send(10, firstStepAuthorized());
    driver.send(
        12,
        new StepStarted("k1", "c1", "k1/c1/1", "BackUpHost", "h1", at(11), Duration.ofSeconds(90)));
    assertThat(waiting())
        .as("running on h1 since it started, usually 90 s")
        .isEqualTo(
            new Wait(
                WaitKind.STEP,
                at(11),
                null,
                "h1",
                "k1/c1/1",
                null,
                "BackUpHost",
                Duration.ofSeconds(90)));

    driver.send(
        20, new StepHostUnreachable("k1", "c1", "k1/c1/1", "h1", at(19), "Connection refused"));
    assertThat(waiting())
        .isEqualTo(
            new Wait(
                WaitKind.HOST_UNREACHABLE,
                at(19),
                null,
                "h1",
                "k1/c1/1",
                null,
                "BackUpHost",
                Duration.ofSeconds(90)));
    assertThat(view().clusters().getFirst().detail())
        .isEqualTo("cannot reach h1: Connection refused");

    driver.send(40, new StepHostReached("k1", "c1", "k1/c1/1", "h1", at(39)));
    assertThat(waiting())
        .isEqualTo(
            new Wait(
                WaitKind.STEP,
                at(39),
                null,
                "h1",
                "k1/c1/1",
                null,
                "BackUpHost",
                Duration.ofSeconds(90)));
    assertThat(view().clusters().getFirst().detail()).isNull();

    driver.send(50, new StepStarted("k1", "c1", "k1/c1/9", "UpgradeNode", "h2", at(50), null));
    assertThat(waiting().stepId())
        .as("the start of another step changes nothing")
        .isEqualTo("k1/c1/1");
  }

  @Test
  void aStepsStartArrivingAfterItsHostWasSaidUnreachableNamesTheCommandAndKeepsItUnreachable() {
    start("c1");
    driver.send(10, new ClusterAdmitted("k1", "c1"));
    driver.send(10, firstStepAuthorized());
    driver.send(20, new StepHostUnreachable("k1", "c1", "k1/c1/1", "h1", at(19), "refused"));
    driver.send(
        21,
        new StepStarted("k1", "c1", "k1/c1/1", "BackUpHost", "h1", at(11), Duration.ofSeconds(90)));

    assertThat(waiting())
        .isEqualTo(
            new Wait(
                WaitKind.HOST_UNREACHABLE,
                at(19),
                null,
                "h1",
                "k1/c1/1",
                null,
                "BackUpHost",
                Duration.ofSeconds(90)));
  }

  private static StepAuthorized firstStepAuthorized() {
    return new StepAuthorized(
        "k1", "c1", "k1/c1/1", UpgradeMode.UPDATE, false, List.of(), Duration.ofMinutes(30), null);
  }

  private Wait waiting() {
    return view().clusters().getFirst().waiting();
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aFailedClusterShowsItsStepAndTheHostsOutput() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(
        60,
        new ClusterFailed(
            "k1",
            "c1",
            "k1/c1/3",
            "UpgradeNode",
            "h1",
            List.of(
                new StepFailure(
                    "k1/c1/3@h1",
                    "h1",
                    new HostAction.UpdateNode(UpgradeMode.UPDATE, false),
                    new ActionOutcome(
                        ActionStatus.FAILED, 7, "ERROR: depot unreachable", 10, List.of(), "fp"))),
            null));
    driver.send(60, new CampaignStopped("k1", "c1 failed: stop at first failure"));

    var view = view();
    assertThat(view.status()).isEqualTo(Status.STOPPED);
    assertThat(view.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(view.clusters().getFirst().phase()).isEqualTo(RunPhase.FAILED);
    assertThat(view.clusters().getFirst().detail())
        .isEqualTo("UpgradeNode h1 failed: h1 exit 7: ERROR: depot unreachable");
    assertThat(view.counts().failed()).isEqualTo(1);
    assertThat(view.counts().eta()).isNull();
    assertThat(view.clusters().getFirst().failure())
        .satisfies(
            failure -> {
              assertThat(failure.stepId()).isEqualTo("k1/c1/3");
              assertThat(failure.command()).isEqualTo("UpgradeNode");
              assertThat(failure.failures().getFirst().outcome().exitCode()).isEqualTo(7);
              assertThat(failure.failures().getFirst().outcome().output())
                  .isEqualTo("ERROR: depot unreachable");
            });

    driver.send(120, new StepRetried("k1", "c1", "k1/c1/3"));
    assertThat(view().clusters().getFirst().failure()).as("cleared by the retry").isNull();
    assertThat(view().clusters().getFirst().phase()).isEqualTo(RunPhase.RUNNING);
  }

  @Test
  void aCampaignShowsItsOptionsAndAnAbortNamesTheStepsItLeftRunning() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(0, new ClusterAdmitted("k1", "c2"));
    driver.send(30, completed("c2", "BackUpHost h1"));
    driver.send(
        60,
        new CampaignAborted(
            "k1", "change freeze", List.of("c1", "c2", "c3", "c4"), Map.of("c1", "k1/c1/2")));

    var view = view();
    assertThat(view.options().maxClustersInProgress()).isEqualTo(2);
    assertThat(view.status()).isEqualTo(Status.ABORTED);
    assertThat(view.reason()).isEqualTo("change freeze");
    assertThat(view.clusters().get(0).detail())
        .isEqualTo("step k1/c1/2 was still running when it was aborted");
    assertThat(view.clusters().get(1).stepsCompleted()).isEqualTo(1);
    assertThat(view.clusters())
        .extracting(r -> r.clusterId() + " " + r.phase())
        .containsExactly("c1 RUNNING", "c2 ABORTED", "c3 ABORTED", "c4 ABORTED");
    assertThat(view.counts())
        .satisfies(
            counts -> {
              assertThat(counts.running()).isEqualTo(1);
              assertThat(counts.aborted()).isEqualTo(3);
              assertThat(counts.pending()).isZero();
              assertThat(counts.eta()).isNull();
            });
  }

  @Test
  void aClusterWaitingForItsWindowWhenTheCampaignIsAbortedNoLongerShowsAsWaiting() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(10, new ClusterWaitingForWindow("k1", "c1", T0.plusSeconds(3600)));
    driver.send(20, new CampaignAborted("k1", "change freeze", List.of("c1"), Map.of()));

    var run = view().clusters().getFirst();
    assertThat(run.phase()).isEqualTo(RunPhase.ABORTED);
    assertThat(run.detail()).isEqualTo("no further step: the campaign was aborted");
    assertThat(view().counts().running()).isZero();
  }

  @Test
  void aStepStillRunningAtTheAbortEndsTheClustersPartWhenItFinishes() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));
    driver.send(10, new CampaignAborted("k1", "freeze", List.of("c1"), Map.of("c1", "k1/c1/1")));
    driver.send(20, completed("c1", "BackUpHost h1"));

    var run = view().clusters().getFirst();
    assertThat(run.phase()).isEqualTo(RunPhase.ABORTED);
    assertThat(run.stepsCompleted()).isEqualTo(1);
    assertThat(view().counts().running()).isZero();
  }

  @Test
  void aClusterWaitingForApprovalSaysWhichHost() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c2"));
    driver.send(10, new ClusterAwaitingApproval("k1", "c2", "k1/c2/5", "h2"));

    assertThat(view().clusters().get(1))
        .satisfies(
            run -> {
              assertThat(run.phase()).isEqualTo(RunPhase.AWAITING_APPROVAL);
              assertThat(run.detail()).contains("h2");
            });
  }

  @Test
  void aCampaignChangeIsPublishedForLiveSubscribersWithItsPosition() {
    start();
    driver.send(0, new ClusterAdmitted("k1", "c1"));

    assertThat(driver.changes())
        .filteredOn(change -> change.kind().equals("campaign"))
        .extracting(change -> change.key() + "@" + change.position())
        .containsExactly("k1@0", "k1@1");
  }

  private void start() {
    start("c1", "c2", "c3", "c4");
  }

  private void start(String... clusters) {
    driver.send(
        0,
        new CampaignStarted(
            "k1",
            "alpha",
            List.of(clusters),
            new CampaignOptions(
                2,
                new FailurePolicy(false, 0),
                false,
                null,
                UpgradeMode.UPDATE,
                Duration.ofMinutes(30))));
  }

  private static StepCompleted completed(String clusterId, String step) {
    return completed(clusterId, 1, step, null);
  }

  private static StepCompleted completed(
      String clusterId, int number, String step, Integer stepsLeft) {
    var parts = step.split(" ");
    return new StepCompleted(
        "k1",
        clusterId,
        "k1/" + clusterId + "/" + number,
        parts[0],
        parts[1],
        StepOutcome.SUCCEEDED,
        null,
        stepsLeft);
  }

  private CampaignProgress view() {
    return driver.view(CampaignProgress.STORE, "k1");
  }
}
