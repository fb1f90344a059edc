package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a cluster's rolling upgrade by following {@link NextStep} through {@link ClusterDecider} on
 * a copy of its state, every host action assumed to succeed: the plan takes the steps a campaign
 * would take, obeys the same rules as the commands will, and a step they refuse refuses the plan,
 * with the rule and its facts.
 */
public final class Planner {

  /** A procedure for n hosts and m guests takes about 6n + 3 steps; this bounds a bug's loop. */
  private static final int MAX_STEPS = 10_000;

  private final List<PlannedStep> steps = new ArrayList<>();
  private final List<String> nodeOrder = new ArrayList<>();
  private ClusterState state;

  private Planner(Registered cluster) {
    this.state = cluster;
  }

  /** The plan, for team {@code actor}: only the owning team plans a cluster (R8). */
  public static Plan planFor(Registered cluster, UpgradeMode mode, String actor) {
    Ownership.require("cluster", cluster.clusterId(), cluster.team(), actor);
    return plan(cluster, mode);
  }

  public static Plan plan(Registered cluster, UpgradeMode mode) {
    var planner = new Planner(cluster);
    for (var next = NextStep.of(cluster, mode, "plan-1");
        next.isPresent() && planner.steps.size() < MAX_STEPS;
        next = NextStep.of(planner.cluster(), mode, "plan-" + (planner.steps.size() + 1))) {
      planner.step(next.get());
    }
    return new Plan(
        cluster.clusterId(),
        cluster.topology().name(),
        List.copyOf(planner.nodeOrder),
        List.copyOf(planner.steps),
        cluster.warnings());
  }

  /**
   * Decides the command on the planned state (a refusal refuses the plan) and completes its
   * actions.
   */
  private void step(ClusterCommand command) {
    var events = apply(ClusterDecider.decide(command, state));
    var actions = new ArrayList<String>();
    for (var event : events) {
      if (event instanceof HostActionRequested requested) {
        actions.add(requested.host() + ": " + requested.action());
        apply(
            ClusterDecider.decide(
                new RecordActionResult(cluster().clusterId(), succeeded(requested)), state));
      }
    }
    var description = StepDescription.of(command);
    if (command instanceof ClusterCommand.UpgradeNode upgrade) {
      nodeOrder.add(upgrade.host());
    }
    steps.add(
        new PlannedStep(
            steps.size() + 1,
            description.command(),
            description.subject(),
            List.copyOf(actions),
            CheckedRules.of(command)));
  }

  private List<ClusterEvent> apply(List<ClusterEvent> events) {
    for (var event : events) {
      state = ClusterDecider.evolve(state, event);
    }
    return events;
  }

  private Registered cluster() {
    return (Registered) state;
  }

  private static ActionResult succeeded(HostActionRequested requested) {
    return new ActionResult(
        requested.actionId(),
        requested.clusterId(),
        requested.host(),
        new ActionOutcome(ActionStatus.SUCCEEDED, 0, "planned", 0, List.of(), null),
        Instant.EPOCH);
  }
}
