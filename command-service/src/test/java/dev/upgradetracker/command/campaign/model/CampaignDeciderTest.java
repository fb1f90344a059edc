package dev.upgradetracker.command.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.AbortCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.OpenWindow;
import dev.upgradetracker.events.campaign.CampaignCommand.PauseCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostReached;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordSlotGranted;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepOverdue;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.campaign.CampaignCommand.ResumeCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RetryStep;
import dev.upgradetracker.events.campaign.CampaignCommand.SkipStep;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeSlotGranted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostReached;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.campaign.CampaignEvent.StepStarted;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.campaign.MaintenanceWindow;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignDeciderTest {

  private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
  private static final FailurePolicy STOP = new FailurePolicy(false, 0);

  private CampaignState state = new CampaignState.NotStarted();
  private final List<CampaignEvent> history = new ArrayList<>();

  @Test
  void startingAdmitsAsManyClustersAsAllowedAndAuthorizesTheirFirstStep() {
    var events = when(start(options(2, STOP, null), "c1", "c2", "c3"));

    assertThat(of(events, ClusterAdmitted.class))
        .extracting("clusterId")
        .containsExactly("c1", "c2");
    assertThat(of(events, StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/1", "spring/c2/1");
  }

  @Test
  void aCompletedStepAuthorizesTheClustersNextOne() {
    given(start(options(1, STOP, null), "c1"));

    var events = when(succeeded("c1", "spring/c1/1"));

    assertThat(of(events, StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/2");
  }

  @Test
  void aCompletedStepKeepsTheStepsTheClusterSaidItsPlanStillHolds() {
    given(start(options(1, STOP, null), "c1"));

    var events = when(succeeded("c1", "spring/c1/1"));

    assertThat(of(events, StepCompleted.class)).extracting("stepsLeft").containsExactly(3);
  }

  @Test
  void aReportForAStepNotInFlightChangesNothing() {
    given(start(options(1, STOP, null), "c1"), succeeded("c1", "spring/c1/1"));

    assertThat(when(succeeded("c1", "spring/c1/1"))).isEmpty();
  }

  @Test
  void aStepInFlightIsSaidOverdueOnceAndItsReportStillCompletesIt() {
    given(start(options(1, STOP, null), "c1"));
    var overdue =
        new RecordStepOverdue(
            "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ofMinutes(3));

    assertThat(of(when(overdue), StepOverdue.class))
        .extracting("stepId", "usual")
        .containsExactly(tuple("spring/c1/1", Duration.ofMinutes(3)));
    assertThat(when(overdue)).as("said once").isEmpty();
    assertThat(of(when(succeeded("c1", "spring/c1/1")), StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/2");
    assertThat(
            when(
                new RecordStepOverdue(
                    "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ZERO)))
        .as("a step no longer in flight is overdue no more")
        .isEmpty();
  }

  @Test
  void aStepsStartIsSaidOnceWithItsCommandHostAndUsualDurationOnlyWhileInFlight() {
    given(start(options(1, STOP, null), "c1"));
    var started =
        new RecordStepStarted(
            "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ofSeconds(90));

    assertThat(when(started))
        .containsExactly(
            new StepStarted(
                "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ofSeconds(90)));
    assertThat(when(started)).as("said once").isEmpty();
    assertThat(
            when(
                new RecordStepStarted(
                    "spring", "c1", "spring/c1/9", "BackUpHost", "h1", NOON, null)))
        .as("another step than the one in flight")
        .isEmpty();
    assertThat(
            of(
                when(
                    new RecordStepOverdue(
                        "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ZERO)),
                StepOverdue.class))
        .as("a started step can still be overdue")
        .hasSize(1);
  }

  @Test
  void anUnreachableHostIsSaidOnceAndReachedAgainGoesBackToTheRunningStep() {
    given(start(options(1, STOP, null), "c1"));
    var unreachable =
        new RecordHostUnreachable("spring", "c1", "spring/c1/1", "h1", NOON, "Connection refused");
    var reached = new RecordHostReached("spring", "c1", "spring/c1/1", "h1", NOON.plusSeconds(40));

    assertThat(when(reached)).as("reached before said unreachable").isEmpty();
    assertThat(when(unreachable))
        .containsExactly(
            new StepHostUnreachable(
                "spring", "c1", "spring/c1/1", "h1", NOON, "Connection refused"));
    assertThat(when(unreachable)).as("said once").isEmpty();
    assertThat(
            when(
                new RecordStepOverdue(
                    "spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, Duration.ZERO)))
        .as("an unreachable host, not a stuck step")
        .isEmpty();
    assertThat(when(reached))
        .containsExactly(
            new StepHostReached("spring", "c1", "spring/c1/1", "h1", NOON.plusSeconds(40)));
    assertThat(of(when(succeeded("c1", "spring/c1/1")), StepAuthorized.class))
        .as("its report still completes the step")
        .extracting("stepId")
        .containsExactly("spring/c1/2");
    assertThat(
            when(
                new RecordHostUnreachable(
                    "spring", "c1", "spring/c1/1", "h1", NOON, "Connection refused")))
        .as("a step no longer in flight")
        .isEmpty();
  }

  @Test
  void aStepsStartReportedAfterItsHostWasSaidUnreachableIsStillSaidOnceAndKeepsItUnreachable() {
    given(start(options(1, STOP, null), "c1"));
    var started =
        new RecordStepStarted("spring", "c1", "spring/c1/1", "BackUpHost", "h1", NOON, null);
    when(new RecordHostUnreachable("spring", "c1", "spring/c1/1", "h1", NOON, "refused"));

    assertThat(of(when(started), StepStarted.class)).hasSize(1);
    assertThat(when(started)).as("said once").isEmpty();
    assertThat(when(new RecordHostUnreachable("spring", "c1", "spring/c1/1", "h1", NOON, "x")))
        .as("still unreachable: not said again")
        .isEmpty();
    assertThat(when(new RecordHostReached("spring", "c1", "spring/c1/1", "h1", NOON))).hasSize(1);
    assertThat(when(started)).as("started, reached: nothing more to say").isEmpty();
  }

  @Test
  void aFinishedClusterFreesItsPlaceForTheNextAndTheLastOneCompletesTheCampaign() {
    given(start(options(1, STOP, null), "c1", "c2"));

    var first = when(new RecordClusterFinished("spring", "c1", "spring/c1/1", NOON));
    var last = when(new RecordClusterFinished("spring", "c2", "spring/c2/1", NOON));

    assertThat(of(first, ClusterAdmitted.class)).extracting("clusterId").containsExactly("c2");
    assertThat(last).last().isInstanceOf(CampaignCompleted.class);
  }

  @Test
  void underStopAtFirstFailureAFailureStopsTheCampaignWithTheHostsOutput() {
    given(start(options(2, STOP, null), "c1", "c2", "c3"));

    var events = when(failed("c1", "spring/c1/1"));

    assertThat(events).hasSize(2);
    assertThat(((ClusterFailed) events.get(0)).failures().getFirst().outcome().output())
        .isEqualTo("swinstall: ERROR: depot unreachable");
    assertThat(events.get(1)).isInstanceOf(CampaignStopped.class);
    assertThat(when(succeeded("c2", "spring/c2/1")))
        .as("a stopped campaign records what finishes but starts nothing new")
        .noneMatch(StepAuthorized.class::isInstance);
  }

  @Test
  void underContinuePolicyOtherClustersGoOnUntilMoreThanTheAllowedFailures() {
    given(start(options(1, new FailurePolicy(true, 1), null), "c1", "c2", "c3"));

    var firstFailure = when(failed("c1", "spring/c1/1"));
    var secondFailure = when(failed("c2", "spring/c2/1"));

    assertThat(of(firstFailure, ClusterAdmitted.class))
        .extracting("clusterId")
        .containsExactly("c2");
    assertThat(secondFailure).last().isInstanceOf(CampaignStopped.class);
  }

  @Test
  void retryingTheFailedStepOfAStoppedCampaignGoesOn() {
    given(start(options(1, STOP, null), "c1"), failed("c1", "spring/c1/1"));

    var events = when(new RetryStep("spring", "c1", NOON));

    assertThat(events).anyMatch(CampaignResumed.class::isInstance);
    assertThat(of(events, StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/2");
  }

  @Test
  void onlyVerifyBackupAndPatchStepsMayBeSkippedAndOnlyWithAReason() {
    given(start(options(1, STOP, null), "c1"), failed("c1", "spring/c1/1"));

    assertThatThrownBy(() -> when(new SkipStep("spring", "c1", "", NOON)))
        .isInstanceOf(InvalidInput.class);
    var events = when(new SkipStep("spring", "c1", "backed up by hand, ticket 4711", NOON));
    assertThat(events.getFirst()).isInstanceOf(StepSkipRequested.class);

    var other = new CampaignDeciderTest();
    other.given(
        start(options(1, STOP, null), "c1"), failedStep("c1", "spring/c1/1", "UpgradeNode"));
    assertThatThrownBy(() -> other.when(new SkipStep("spring", "c1", "why not", NOON)))
        .isInstanceOf(NotSkippable.class);
  }

  @Test
  void aPausedCampaignStartsNoStepUntilResumed() {
    given(start(options(1, STOP, null), "c1"), new PauseCampaign("spring"));

    assertThat(when(succeeded("c1", "spring/c1/1"))).noneMatch(StepAuthorized.class::isInstance);
    assertThat(of(when(new ResumeCampaign("spring", NOON)), StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/2");
  }

  @Test
  void outsideTheMaintenanceWindowClustersWaitForItsOpening() {
    var window = new MaintenanceWindow(LocalTime.of(22, 0), LocalTime.of(4, 0), "UTC");

    var events = when(start(options(1, STOP, window), "c1"));
    var waiting = (ClusterWaitingForWindow) events.getLast();
    assertThat(waiting.opensAt()).isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));

    var opened = when(new OpenWindow("spring", Instant.parse("2026-11-25T22:00:01Z")));
    assertThat(of(opened, StepAuthorized.class))
        .extracting("stepId")
        .containsExactly("spring/c1/1");
  }

  @Test
  void aGatedNodeUpgradeGoesOnOnlyWhenItsHostIsApproved() {
    var gated = new CampaignOptions(1, STOP, true, null, UpgradeMode.UPDATE, Duration.ofHours(1));
    given(start(gated, "c1"), new RecordAwaitingApproval("spring", "c1", "spring/c1/1", "h2"));

    assertThatThrownBy(() -> when(new ApproveNodeUpgrade("spring", "c1", "h1", NOON)))
        .isInstanceOf(OutOfOrder.class);
    var events = when(new ApproveNodeUpgrade("spring", "c1", "h2", NOON));
    var authorized = of(events, StepAuthorized.class).getFirst();
    assertThat(authorized.approvedHosts()).containsExactly("h2");
  }

  @Test
  void aNodeWaitingForAnUpgradeSlotGoesOnOnceItIsGrantedAndKeepsItForTheRestOfTheCampaign() {
    var usage = new Usage("depot-a", "site-1", 2, 2, 2, 4);
    given(start(options(1, STOP, null), "c1"));

    var waiting = when(new RecordAwaitingSlot("spring", "c1", "spring/c1/1", "h2", usage, NOON));
    assertThat(of(waiting, ClusterAwaitingSlot.class))
        .singleElement()
        .satisfies(w -> assertThat(w.usage()).isEqualTo(usage));
    assertThat(when(new OpenWindow("spring", NOON)))
        .as("no step while the node waits for its slot")
        .isEmpty();

    var granted = when(new RecordSlotGranted("spring", "c1", "spring/c1/1", "h2", NOON));
    assertThat(of(granted, NodeUpgradeSlotGranted.class)).hasSize(1);
    var authorized = of(granted, StepAuthorized.class).getFirst();
    assertThat(authorized.stepId()).isEqualTo("spring/c1/2");
    assertThat(authorized.slottedHosts()).containsExactly("h2");

    assertThat(when(new RecordSlotGranted("spring", "c1", "spring/c1/1", "h2", NOON)))
        .as("a repeated grant")
        .isEmpty();
    var next = of(when(succeeded("c1", "spring/c1/2")), StepAuthorized.class).getFirst();
    assertThat(next.slottedHosts()).containsExactly("h2");
  }

  @Test
  void aSlotGrantedAtOnceLetsTheStepGoOnWithoutAWait() {
    given(start(options(1, STOP, null), "c1"));

    var granted = when(new RecordSlotGranted("spring", "c1", "spring/c1/1", "h1", NOON));

    assertThat(of(granted, StepAuthorized.class))
        .singleElement()
        .satisfies(a -> assertThat(a.slottedHosts()).containsExactly("h1"));
    assertThat(when(new RecordSlotGranted("spring", "c1", "spring/c1/7", "h3", NOON)))
        .as("a grant for a step not in flight")
        .isEmpty();
  }

  @Test
  void abortingNamesTheUnfinishedClustersAndTheStepsStillRunning() {
    given(start(options(1, STOP, null), "c1", "c2"));

    var aborted = (CampaignAborted) when(new AbortCampaign("spring", "change freeze")).getFirst();

    assertThat(aborted.unfinishedClusters()).containsExactly("c1", "c2");
    assertThat(aborted.stepsStillRunning()).containsEntry("c1", "spring/c1/1");
    assertThatThrownBy(() -> when(new ResumeCampaign("spring", NOON)))
        .isInstanceOf(OutOfOrder.class);
  }

  @Test
  void aCampaignNeedsClustersListedOnce() {
    assertThatThrownBy(() -> when(start(options(1, STOP, null))))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("clusterIds");
    assertThatThrownBy(() -> when(start(options(1, STOP, null), "c1", "c1")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("twice");
  }

  private StartCampaign start(CampaignOptions options, String... clusters) {
    return new StartCampaign("spring", "alpha", List.of(clusters), options, NOON);
  }

  private static CampaignOptions options(int max, FailurePolicy policy, MaintenanceWindow window) {
    return new CampaignOptions(max, policy, false, window, UpgradeMode.UPDATE, Duration.ofHours(1));
  }

  private static RecordStepFinished succeeded(String clusterId, String stepId) {
    return new RecordStepFinished(
        "spring",
        clusterId,
        stepId,
        "BackUpHost",
        "h1",
        StepOutcome.SUCCEEDED,
        List.of(),
        null,
        3,
        NOON);
  }

  private static RecordStepFinished failed(String clusterId, String stepId) {
    return failedStep(clusterId, stepId, "BackUpHost");
  }

  private static RecordStepFinished failedStep(String clusterId, String stepId, String command) {
    var failure =
        new StepFailure(
            stepId,
            "h1",
            new HostAction.BackUpHost(),
            new ActionOutcome(
                ActionStatus.FAILED, 1, "swinstall: ERROR: depot unreachable", 5, List.of(), null));
    return new RecordStepFinished(
        "spring",
        clusterId,
        stepId,
        command,
        "h1",
        StepOutcome.FAILED,
        List.of(failure),
        null,
        4,
        NOON);
  }

  private void given(CampaignCommand... commands) {
    for (var command : commands) {
      when(command);
    }
  }

  private List<CampaignEvent> when(CampaignCommand command) {
    var events = CampaignDecider.decide(command, state);
    for (var event : events) {
      state = CampaignDecider.evolve(state, event);
      history.add(event);
    }
    return events;
  }

  private static <T> List<T> of(List<CampaignEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
