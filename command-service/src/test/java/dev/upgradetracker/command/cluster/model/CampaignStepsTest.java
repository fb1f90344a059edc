package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand.AdvanceCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.AttachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.SkipCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.TimeOutCampaignStep;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignUpgradeFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostReached;
import dev.upgradetracker.events.cluster.ClusterEvent.HostUnreachable;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingSlot;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.fleet.Fleets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CampaignStepsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private int stepNumber;

  @Test
  void aCampaignTakesExactlyTheStepsOfThePlanThenReleasesTheCluster() {
    var shapes =
        new ArrayList<>(List.of(threeHostsAsPackages("c1"), threeHostsAsNodes("c2", false)));
    Fleets.atScale("s", "alpha", 6, 2).stream()
        .map(CampaignStepsTest::addressed)
        .forEach(shapes::add);
    for (var spec : shapes) {
      var cluster = inCampaign(spec);
      var plan = Planner.plan(cluster.state(), UpgradeMode.UPDATE);

      var taken = new ArrayList<String>();
      var remaining = new ArrayList<Integer>();
      var leftAfter = new ArrayList<Integer>();
      List<ClusterEvent> events;
      do {
        events = cluster.request(advance(cluster, List.of()));
        var finishing = new ArrayList<>(events);
        finishing.addAll(reportAll(cluster, events, ActionStatus.SUCCEEDED));
        for (var event : finishing) {
          if (event instanceof CampaignStepStarted started) {
            taken.add(started.command() + " " + started.subject());
            remaining.add(started.stepsRemaining());
          }
          if (event instanceof CampaignStepFinished finished) {
            leftAfter.add(finished.stepsLeft());
          }
        }
      } while (events.stream().noneMatch(CampaignUpgradeFinished.class::isInstance));

      assertThat(taken)
          .containsExactlyElementsOf(
              plan.steps().stream().map(s -> s.command() + " " + s.subject()).toList());
      assertThat(remaining)
          .containsExactlyElementsOf(
              IntStream.iterate(plan.steps().size(), n -> n > 0, n -> n - 1).boxed().toList());
      assertThat(leftAfter)
          .as("steps left once each step finished")
          .containsExactlyElementsOf(
              IntStream.iterate(plan.steps().size() - 1, n -> n >= 0, n -> n - 1).boxed().toList());
      assertThat(events).anyMatch(CampaignDetached.class::isInstance);
      assertThat(cluster.state().activeCampaign()).isEmpty();
      assertThat(cluster.state().hosts().values()).allMatch(ClusterState.Host::upgraded);
      assertThat(cluster.state().guests().values()).allMatch(ClusterState.GuestNode::hasKit4);
    }
  }

  @Test
  void aFailedStepTakenUpAgainLeavesAsManyStepsAsBeforeAndAWaivedOneCountsAsDone() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var verify = cluster.request(advance(cluster, List.of()));
    int planned = ((CampaignStepStarted) verify.getFirst()).stepsRemaining();
    assertThat(stepsLeftOnFinishing(reportAll(cluster, verify, ActionStatus.FAILED)))
        .as("a failed step is still to be done")
        .isEqualTo(planned);

    var again = cluster.request(advance(cluster, List.of()));
    assertThat(((CampaignStepStarted) again.getFirst()).stepsRemaining()).isEqualTo(planned);
    reportAll(cluster, again, ActionStatus.SUCCEEDED);
    var backup = cluster.request(advance(cluster, List.of()));
    assertThat(((CampaignStepStarted) backup.getFirst()).stepsRemaining()).isEqualTo(planned - 1);
    reportAll(cluster, backup, ActionStatus.FAILED);
    var skipped =
        cluster.request(
            new SkipCampaignStep(
                "c1", "spring", ((CampaignStepStarted) backup.getFirst()).stepId(), "taped"));
    assertThat(stepsLeftOnFinishing(skipped)).isEqualTo(planned - 2);

    var next = cluster.request(advance(cluster, List.of()));
    assertThat(((CampaignStepStarted) next.getFirst()).stepsRemaining()).isEqualTo(planned - 2);
  }

  @Test
  void theSameStepIdDeliveredTwiceStartsOneStep() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var step = advance(cluster, List.of());
    cluster.request(step);

    assertThat(cluster.decide(step)).isEmpty();
  }

  @Test
  void aNewStepIsRefusedWhileTheLastOneStillRuns() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    cluster.request(advance(cluster, List.of()));

    cluster.refuses(advance(cluster, List.of())).isInstanceOf(ActionInProgress.class);
  }

  @Test
  void theLastReportOfAStepEndsItWithTheHostsOutputWhenAnActionFailed() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var started = cluster.request(advance(cluster, List.of()));
    var actions = actionIds(started);
    assertThat(actions).hasSizeGreaterThan(1);

    var first = cluster.report(actions.get(0), ActionStatus.FAILED);
    assertThat(first).noneMatch(CampaignStepFinished.class::isInstance);
    var rest = new ArrayList<ClusterEvent>();
    for (var actionId : actions.subList(1, actions.size())) {
      rest.addAll(cluster.report(actionId, ActionStatus.SUCCEEDED));
    }

    var finished = (CampaignStepFinished) rest.getLast();
    assertThat(finished.outcome()).isEqualTo(StepOutcome.FAILED);
    assertThat(finished.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.actionId()).isEqualTo(actions.get(0));
              assertThat(f.outcome().exitCode()).isEqualTo(1);
            });
  }

  @Test
  void
      anUnreachableHostIsSaidOnceWithItsCampaignStepUntilReachedAgainAndTheResultStillEndsTheStep() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var started = cluster.request(advance(cluster, List.of()));
    var stepId = ((CampaignStepStarted) started.getFirst()).stepId();
    var actionId = actionIds(started).getFirst();

    var unreachable = cluster.reportReachability(actionId, false, NOW);
    var repeated = cluster.reportReachability(actionId, false, NOW.plusSeconds(5));
    var reached = cluster.reportReachability(actionId, true, NOW.plusSeconds(30));
    var reachedAgain = cluster.reportReachability(actionId, true, NOW.plusSeconds(31));

    assertThat(unreachable)
        .singleElement()
        .isEqualTo(
            new HostUnreachable("c1", actionId, "h1", NOW, "Connection refused", "spring", stepId));
    assertThat(repeated).as("said once").isEmpty();
    assertThat(reached)
        .singleElement()
        .isEqualTo(new HostReached("c1", actionId, "h1", NOW.plusSeconds(30), "spring", stepId));
    assertThat(reachedAgain).as("reached is said once, after unreachable").isEmpty();
    assertThat(reportAll(cluster, started, ActionStatus.SUCCEEDED))
        .anyMatch(CampaignStepFinished.class::isInstance);
  }

  @Test
  void anExecutorsLongWordsOnAnUnreachableHostAreKeptShortInTheHistory() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var actionId = actionIds(cluster.request(advance(cluster, List.of()))).getFirst();

    var said = cluster.reportReachability(actionId, false, NOW, "x".repeat(100_000));

    assertThat(((HostUnreachable) said.getFirst()).error())
        .hasSize(ActionResults.ERROR_CHARS + 3)
        .endsWith("...");
  }

  @Test
  void aReportWithNeitherOutcomeNorReachabilityIsRefusedAndChangesNothing() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var actionId = actionIds(cluster.request(advance(cluster, List.of()))).getFirst();

    cluster
        .refuses(
            new RecordActionResult("c1", new ActionResult(actionId, "c1", "h1", null, NOW, null)))
        .hasMessageContaining("outcome or a reachability");
    assertThat(cluster.state().pendingActions()).containsKey(actionId);
  }

  @Test
  void aNodeUpgradeWaitsForApprovalWhenTheCampaignHasGates() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var awaiting =
        stepUntil(
            cluster, () -> advanceGated(cluster, List.of()), NodeUpgradeAwaitingApproval.class);

    var approved = cluster.request(advanceGated(cluster, List.of(awaiting.host())));

    assertStartsTheUpgradeOf(approved, awaiting.host());
  }

  @Test
  void aNodeUpgradeWaitsForASlotOfItsDepotAndSiteWhenUpgradeSlotsAreBudgeted() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var awaiting =
        stepUntil(
            cluster, () -> advanceBudgeted(cluster, List.of()), NodeUpgradeAwaitingSlot.class);
    assertThat(awaiting.depot()).as("a host without a depot of its own").isEqualTo("default");
    assertThat(awaiting.team()).isEqualTo(cluster.state().team());

    var slotted = cluster.request(advanceBudgeted(cluster, List.of(awaiting.host())));

    assertStartsTheUpgradeOf(slotted, awaiting.host());
  }

  /**
   * Takes the campaign's steps, every action succeeding, until one answers only {@code waiting}.
   */
  private <T extends ClusterEvent> T stepUntil(
      ClusterDriver cluster, Supplier<AdvanceCampaign> step, Class<T> waiting) {
    List<ClusterEvent> events;
    do {
      events = cluster.request(step.get());
      reportAll(cluster, events, ActionStatus.SUCCEEDED);
    } while (events.stream().noneMatch(waiting::isInstance));
    assertThat(events).as("nothing started: the node waits").singleElement();
    return waiting.cast(events.getFirst());
  }

  private static void assertStartsTheUpgradeOf(List<ClusterEvent> events, String host) {
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        CampaignStepStarted.class,
                        s ->
                            assertThat(s.command() + " " + s.subject())
                                .isEqualTo("UpgradeNode " + host)));
  }

  @Test
  void aStepWhoseTimeRanOutFailsItsUnreportedActions() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var started = cluster.request(advance(cluster, List.of()));
    var stepId = ((CampaignStepStarted) started.getFirst()).stepId();

    var events = cluster.request(new TimeOutCampaignStep("c1", stepId, NOW.plusSeconds(3600)));

    assertThat(events.stream().filter(HostActionFailed.class::isInstance))
        .hasSize(actionIds(started).size());
    assertThat(((CampaignStepFinished) events.getLast()).outcome()).isEqualTo(StepOutcome.FAILED);
    assertThat(cluster.state().pendingActions()).isEmpty();
    assertThat(cluster.decide(new TimeOutCampaignStep("c1", stepId, NOW))).isEmpty();
  }

  @Test
  void aFailedBackupIsWaivedWithAReasonAndTheProcedureGoesOn() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    var started = cluster.request(advance(cluster, List.of()));
    reportAll(cluster, started, ActionStatus.SUCCEEDED); // verify boot
    var backup = cluster.request(advance(cluster, List.of()));
    var stepId = ((CampaignStepStarted) backup.getFirst()).stepId();
    reportAll(cluster, backup, ActionStatus.FAILED);

    cluster.refuses(new SkipCampaignStep("c1", "spring", stepId, " "));
    var skipped = cluster.request(new SkipCampaignStep("c1", "spring", stepId, "taped off-site"));

    assertThat(((CampaignStepFinished) skipped.getLast()).outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(((CampaignStepFinished) skipped.getLast()).skipReason()).isEqualTo("taped off-site");
    assertThat(cluster.state().guests().values()).allMatch(ClusterState.GuestNode::backedUp);
  }

  @Test
  void aFailedMoveCannotBeSkipped() {
    var cluster = inCampaign(threeHostsAsPackages("c1"));
    String command;
    List<ClusterEvent> events;
    do {
      events = cluster.request(advance(cluster, List.of()));
      command = ((CampaignStepStarted) events.getFirst()).command();
      reportAll(
          cluster,
          events,
          command.equals("MoveGuests") ? ActionStatus.FAILED : ActionStatus.SUCCEEDED);
    } while (!command.equals("MoveGuests"));
    var stepId = ((CampaignStepStarted) events.getFirst()).stepId();

    cluster
        .refuses(new SkipCampaignStep("c1", "spring", stepId, "looks fine"))
        .isInstanceOf(NotSkippable.class);
  }

  @Test
  void aClusterOutsideTheCampaignRefusesItsSteps() {
    var cluster = ClusterDriver.registered(threeHostsAsPackages("c1"));

    cluster.refuses(advance(cluster, List.of())).isInstanceOf(OutOfOrder.class);
  }

  private ClusterDriver inCampaign(ClusterSpec spec) {
    var cluster = ClusterDriver.registered(spec);
    cluster.request(new AttachCampaign(spec.id(), "spring"));
    return cluster;
  }

  private AdvanceCampaign advance(ClusterDriver cluster, List<String> approved) {
    return step(cluster, false, approved, false, List.of());
  }

  private AdvanceCampaign advanceGated(ClusterDriver cluster, List<String> approved) {
    return step(cluster, true, approved, false, List.of());
  }

  private AdvanceCampaign advanceBudgeted(ClusterDriver cluster, List<String> slotted) {
    return step(cluster, false, List.of(), true, slotted);
  }

  private AdvanceCampaign step(
      ClusterDriver cluster,
      boolean gated,
      List<String> approved,
      boolean slotRequired,
      List<String> slotted) {
    var id = cluster.state().clusterId();
    return new AdvanceCampaign(
        id,
        "spring",
        "spring/" + id + "/" + (++stepNumber),
        UpgradeMode.UPDATE,
        gated,
        approved,
        Duration.ofMinutes(30),
        NOW,
        slotRequired,
        slotted);
  }

  /** The cluster with each host at its name, as registration wants an address. */
  private static ClusterSpec addressed(ClusterSpec spec) {
    return Clusters.withHosts(
        spec,
        spec.hosts().stream()
            .map(
                h ->
                    new VmHost(
                        h.name(),
                        h.name() + ":22",
                        h.hpuxVersion(),
                        h.ivmVersion(),
                        h.serviceguardVersion(),
                        h.depot()))
            .toList());
  }

  private static List<String> actionIds(List<ClusterEvent> events) {
    return events.stream()
        .filter(HostActionRequested.class::isInstance)
        .map(e -> ((HostActionRequested) e).actionId())
        .toList();
  }

  /** Answers the events' host actions; the events the answers caused. */
  private static List<ClusterEvent> reportAll(
      ClusterDriver cluster, List<ClusterEvent> events, ActionStatus status) {
    var caused = new ArrayList<ClusterEvent>();
    for (var actionId : actionIds(events)) {
      caused.addAll(cluster.report(actionId, status));
    }
    return caused;
  }

  private static Integer stepsLeftOnFinishing(List<ClusterEvent> events) {
    return events.stream()
        .filter(CampaignStepFinished.class::isInstance)
        .map(e -> ((CampaignStepFinished) e).stepsLeft())
        .findFirst()
        .orElseThrow();
  }
}
