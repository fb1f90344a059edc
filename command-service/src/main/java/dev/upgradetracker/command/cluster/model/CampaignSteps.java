package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.AtStep;
import dev.upgradetracker.command.cluster.model.ClusterState.CampaignStep;
import dev.upgradetracker.command.cluster.model.ClusterState.Host;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand.AdvanceCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.SkipCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.TimeOutCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignUpgradeFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingSlot;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign drives the cluster one step at a time: which step comes next is the procedure's choice
 * ({@link NextStep}), made here on the aggregate's own state so that two deliveries of the same
 * request cannot start two steps.
 */
final class CampaignSteps {

  private CampaignSteps() {}

  static List<ClusterEvent> advance(AdvanceCampaign command, Registered cluster) {
    requireCampaign(cluster, command.campaignId());
    var stepId = Actions.required(command.stepId());
    var last = cluster.lastStep();
    if (last.filter(step -> step.stepId().equals(stepId)).isPresent()) {
      return List.of();
    }
    var running = last.filter(CampaignStep::running);
    if (running.isPresent()) {
      throw new ActionInProgress(
          "campaign step " + running.get().stepId(), running.get().pendingActions().toString());
    }
    Actions.refuseIfPending(cluster, cluster.clusterId(), pending -> true);
    var next = NextStep.of(cluster, command.mode(), stepId);
    if (next.isEmpty()) {
      return List.of(
          new CampaignUpgradeFinished(cluster.clusterId(), command.campaignId(), stepId),
          new CampaignDetached(cluster.clusterId(), command.campaignId()));
    }
    if (next.get() instanceof UpgradeNode upgrade
        && command.approvalRequired()
        && !command.approvedHosts().contains(upgrade.host())) {
      return List.of(
          new NodeUpgradeAwaitingApproval(
              cluster.clusterId(), command.campaignId(), stepId, upgrade.host()));
    }
    if (next.get() instanceof UpgradeNode upgrade
        && command.slotRequired()
        && !command.slottedHosts().contains(upgrade.host())) {
      return List.of(
          new NodeUpgradeAwaitingSlot(
              cluster.clusterId(),
              command.campaignId(),
              stepId,
              upgrade.host(),
              cluster.team(),
              depotOf(cluster.hosts().get(upgrade.host())),
              cluster.site()));
    }
    var stepEvents = ClusterDecider.decide(next.get(), cluster);
    var actionIds =
        stepEvents.stream()
            .filter(HostActionRequested.class::isInstance)
            .map(e -> ((HostActionRequested) e).actionId())
            .toList();
    var description = StepDescription.of(next.get());
    int remaining = stepsRemaining(cluster, command.mode());
    var events = new ArrayList<ClusterEvent>();
    events.add(
        new CampaignStepStarted(
            cluster.clusterId(),
            command.campaignId(),
            stepId,
            description.command(),
            description.subject(),
            actionIds,
            command.now().plus(command.stepTimeout()),
            remaining));
    events.addAll(stepEvents);
    if (actionIds.isEmpty()) {
      events.add(
          new CampaignStepFinished(
              cluster.clusterId(),
              command.campaignId(),
              stepId,
              description.command(),
              description.subject(),
              StepOutcome.SUCCEEDED,
              List.of(),
              null,
              remaining - 1));
    }
    return events;
  }

  /** The depot a node's upgrade reads from: its own depot server, or the executors' default. */
  static String depotOf(Host host) {
    return host.depot() == null ? DEFAULT_DEPOT : host.depot();
  }

  static final String DEFAULT_DEPOT = "default";

  /**
   * For progress bars: the steps left, this one included. The cluster is planned once, at its
   * campaign's first step (a plan refused further on counts this step); after that the count comes
   * from the step before: one fewer once it ended well or was waived, the same when it failed and
   * this step takes it up again.
   */
  private static int stepsRemaining(Registered cluster, UpgradeMode mode) {
    var last = cluster.lastStep().filter(step -> step.stepsRemaining() >= 1);
    if (last.isEmpty()) {
      try {
        return Math.max(1, Planner.plan(cluster, mode).steps().size());
      } catch (CommandRefused refused) {
        return 1;
      }
    }
    int done = last.get().outcome() == StepOutcome.FAILED ? 0 : 1;
    return Math.max(1, last.get().stepsRemaining() - done);
  }

  /** The report that ends the step's last host action also ends the step. */
  static List<ClusterEvent> followResult(
      RecordActionResult report, Registered cluster, List<ClusterEvent> recorded) {
    var actionId = report.result().actionId();
    if (recorded.isEmpty()
        || runningStep(cluster).filter(s -> s.pendingActions().contains(actionId)).isEmpty()) {
      return recorded;
    }
    var state = cluster;
    for (var event : recorded) {
      state = (Registered) Evolution.evolve(state, event);
    }
    var after = state.lastStep().orElseThrow();
    if (!after.pendingActions().isEmpty()) {
      return recorded;
    }
    var events = new ArrayList<>(recorded);
    events.add(stepEnd(state, after));
    return events;
  }

  /** The step's time ran out: what has not reported counts as failed. */
  static List<ClusterEvent> timeOut(TimeOutCampaignStep command, Registered cluster) {
    var step = runningStep(cluster).filter(s -> s.stepId().equals(command.stepId()));
    if (step.isEmpty()) {
      return List.of();
    }
    var events = new ArrayList<ClusterEvent>();
    var state = cluster;
    for (var actionId : step.get().pendingActions().stream().sorted().toList()) {
      var pending = cluster.pendingActions().get(actionId);
      var failed =
          new HostActionFailed(
              cluster.clusterId(),
              actionId,
              pending.host(),
              new ActionOutcome(
                  ActionStatus.FAILED,
                  -1,
                  "no result before the step's timeout at "
                      + command.now()
                      + "; the action may still be running on the host: a retry probes it first",
                  0,
                  List.of(),
                  null));
      events.add(failed);
      state = (Registered) Evolution.evolve(state, failed);
    }
    events.add(stepEnd(state, state.lastStep().orElseThrow()));
    return events;
  }

  /**
   * Waiving a failed step: its failed actions take effect as if they had succeeded, and the step is
   * recorded as skipped with the reason.
   */
  static List<ClusterEvent> skip(SkipCampaignStep command, Registered cluster) {
    requireCampaign(cluster, command.campaignId());
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidInput("reason", "is required: a skipped step is recorded for auditors");
    }
    var step =
        cluster
            .lastStep()
            .filter(last -> last.stepId().equals(command.stepId()))
            .orElseThrow(
                () ->
                    new OutOfOrder(
                        "step " + command.stepId() + " is not the cluster's last campaign step"));
    if (step.outcome() == StepOutcome.SKIPPED) {
      return List.of();
    }
    if (step.outcome() != StepOutcome.FAILED) {
      throw new OutOfOrder(
          "step " + command.stepId() + " has not failed; only a failed step is skipped");
    }
    if (!Skippable.COMMANDS.contains(step.command())) {
      throw new NotSkippable(step.stepId(), step.command());
    }
    var events = new ArrayList<ClusterEvent>();
    for (var failure : step.failures()) {
      events.add(
          ActionResults.effect(cluster, failure.host(), failure.action(), failure.actionId()));
    }
    events.add(
        new CampaignStepFinished(
            cluster.clusterId(),
            command.campaignId(),
            step.stepId(),
            step.command(),
            step.subject(),
            StepOutcome.SKIPPED,
            step.failures(),
            command.reason(),
            stepsLeftAfter(step, StepOutcome.SKIPPED)));
    return events;
  }

  private static CampaignStepFinished stepEnd(Registered cluster, CampaignStep step) {
    var outcome = step.failures().isEmpty() ? StepOutcome.SUCCEEDED : StepOutcome.FAILED;
    return new CampaignStepFinished(
        cluster.clusterId(),
        cluster.activeCampaign().orElseThrow(),
        step.stepId(),
        step.command(),
        step.subject(),
        outcome,
        step.failures(),
        null,
        stepsLeftAfter(step, outcome));
  }

  /** A failed step stays among those left (it is taken up again); null where none were counted. */
  private static Integer stepsLeftAfter(CampaignStep step, StepOutcome outcome) {
    if (step.stepsRemaining() < 1) {
      return null;
    }
    return outcome == StepOutcome.FAILED ? step.stepsRemaining() : step.stepsRemaining() - 1;
  }

  /** The running campaign step whose host action {@code actionId} is, if any. */
  static Optional<AtStep> stepOf(Registered cluster, String actionId) {
    return cluster.drive() instanceof AtStep at
            && at.step().running()
            && at.step().pendingActions().contains(actionId)
        ? Optional.of(at)
        : Optional.empty();
  }

  private static Optional<CampaignStep> runningStep(Registered cluster) {
    return cluster.lastStep().filter(CampaignStep::running);
  }

  private static void requireCampaign(Registered cluster, String campaignId) {
    if (campaignId == null || !cluster.drivenBy(campaignId)) {
      throw new OutOfOrder(
          "cluster "
              + cluster.clusterId()
              + " is not in campaign "
              + campaignId
              + cluster
                  .activeCampaign()
                  .map(c -> " (it is in " + c + ")")
                  .orElse(" (it is in none)"));
    }
  }
}
