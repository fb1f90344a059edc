package dev.upgradetracker.command.planning;

import dev.upgradetracker.command.cluster.ClusterDecider;
import dev.upgradetracker.command.cluster.ClusterState;
import dev.upgradetracker.command.cluster.ClusterState.Host;
import dev.upgradetracker.command.cluster.ClusterState.Registered;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans a cluster's rolling upgrade by running the procedure through {@link ClusterDecider} on a
 * copy of its state, every host action assumed to succeed: the plan obeys the same rules as the
 * commands will, and a step they refuse refuses the plan, with the rule and its facts.
 *
 * <p>Node order: the hosts running the fewest guests first (least to move), ties by name. Per node,
 * guests as packages: back up the host, move its guests away, upgrade, install patches; guests as
 * nodes: back up the host, move the packages off its guests, halt its guest nodes, upgrade, install
 * patches, run its guest nodes again. First the guests are verified and backed up; last every guest
 * gets the 4.0 kit.
 */
public final class Planner {

  private final List<PlannedStep> steps = new ArrayList<>();
  private ClusterState state;

  private Planner(Registered cluster) {
    this.state = cluster;
  }

  public static Plan plan(Registered cluster, UpgradeMode mode) {
    var planner = new Planner(cluster);
    var order = nodeOrder(cluster);
    planner.prepare(cluster);
    for (var host : order) {
      planner.upgradeNode(host, mode);
    }
    planner.step(
        new InstallGuestKit(cluster.clusterId(), null, "plan-kits"),
        "every guest without it",
        "R4");
    return new Plan(
        cluster.clusterId(), cluster.topology().name(), order, List.copyOf(planner.steps));
  }

  private static List<String> nodeOrder(Registered cluster) {
    return cluster.hosts().values().stream()
        .filter(h -> !h.upgraded())
        .sorted(
            Comparator.comparingInt((Host h) -> cluster.guestsOn(h.name()).size())
                .thenComparing(Host::name))
        .map(Host::name)
        .toList();
  }

  private void prepare(Registered cluster) {
    var id = cluster.clusterId();
    if (cluster.guests().values().stream().anyMatch(g -> !g.bootVerified())) {
      step(new VerifyGuestsBoot(id, "plan-verify"), id);
    }
    if (cluster.guests().values().stream().anyMatch(g -> !g.backedUp())) {
      step(new BackUpGuests(id, "plan-backup-guests"), id);
    }
  }

  private void upgradeNode(String host, UpgradeMode mode) {
    var id = cluster().clusterId();
    if (!cluster().hosts().get(host).backedUp()) {
      step(new BackUpHost(id, host, "plan-backup-" + host), host);
    }
    if (cluster().topology() == Topology.GUESTS_AS_PACKAGES) {
      if (!cluster().guestsOn(host).isEmpty()) {
        step(new MoveGuests(id, null, null, host, "plan-drain-" + host), host, "R5");
      }
    } else {
      if (cluster().guestsOn(host).stream()
          .anyMatch(g -> !cluster().packagesOn(g.name()).isEmpty())) {
        step(new MovePackages(id, null, null, host, "plan-drain-" + host), host, "R5");
      }
      if (cluster().guestsOn(host).stream().anyMatch(ClusterState.GuestNode::member)) {
        step(new HaltClusterNodes(id, host, "plan-halt-" + host), host, "R2", "R6");
      }
    }
    step(new UpgradeNode(id, host, mode, "plan-upgrade-" + host), host, "R1", "R2", "R3");
    step(new InstallPatches(id, host, "plan-patches-" + host), host);
    if (cluster().topology() == Topology.GUESTS_AS_NODES && !cluster().guestsOn(host).isEmpty()) {
      step(new RunClusterNodes(id, host, "plan-run-" + host), host);
    }
  }

  /**
   * Decides the command on the planned state (a refusal refuses the plan) and completes its
   * actions.
   */
  private void step(ClusterCommand command, String subject, String... rules) {
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
    steps.add(
        new PlannedStep(
            steps.size() + 1,
            command.getClass().getSimpleName(),
            subject,
            List.copyOf(actions),
            List.of(rules)));
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
