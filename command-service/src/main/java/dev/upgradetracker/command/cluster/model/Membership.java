package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Pkg;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Topology;
import java.util.List;

/** Guests as nodes: the guest nodes on one host leave the cluster together, and come back. */
final class Membership {

  private Membership() {}

  @Checks({Rule.R2, Rule.R6})
  static List<ClusterEvent> halt(ClusterCommand.HaltClusterNodes command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var host = Actions.host(cluster, command.host());
    requireGuestsAsNodes(cluster);
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    var leaving = membersOn(cluster, host.name());
    if (leaving.isEmpty()) {
      throw new NothingToDo("no guest node on " + host.name() + " is a cluster member");
    }
    var packages =
        leaving.stream().flatMap(g -> cluster.packagesOn(g).stream()).map(Pkg::name).toList();
    if (!packages.isEmpty()) {
      throw new NodeNotDrained(
          host.name(), "runs packages " + String.join(", ", packages) + " on its guest nodes");
    }
    requireQuorumAfterHalting(cluster, host.name(), leaving, List.of());
    Actions.refuseIfPending(
        cluster,
        "host " + host.name(),
        p -> p.host().equals(host.name()) && p.action() instanceof HostAction.RunClusterNodes);
    return List.of(
        Actions.request(cluster, actionId, host.name(), new HostAction.HaltClusterNodes(leaving)));
  }

  /** The guest nodes on {@code host} that are cluster members: those a halt takes out. */
  static List<String> membersOn(Registered cluster, String host) {
    return cluster.guestsOn(host).stream().filter(GuestNode::member).map(GuestNode::name).toList();
  }

  /**
   * R6: halting {@code leaving} must leave the cluster a majority of its members (exactly half only
   * with a cluster lock). {@code packagesWithNowhereToGo}: what else stands in the way, named too.
   */
  static void requireQuorumAfterHalting(
      Registered cluster, String host, List<String> leaving, List<String> packagesWithNowhereToGo) {
    int members = (int) cluster.guests().values().stream().filter(GuestNode::member).count();
    int remaining = members - leaving.size();
    boolean quorum =
        2 * remaining > members
            || (2 * remaining == members && remaining > 0 && cluster.clusterLock());
    if (!quorum) {
      throw new QuorumWouldBeLost(
          host, leaving.size(), members, cluster.clusterLock(), packagesWithNowhereToGo);
    }
  }

  static List<ClusterEvent> run(ClusterCommand.RunClusterNodes command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var host = Actions.host(cluster, command.host());
    requireGuestsAsNodes(cluster);
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    if (cluster.upgrading(host.name())) {
      throw new OutOfOrder(
          "host " + host.name() + " is being upgraded; its guests start after the upgrade");
    }
    var joining =
        cluster.guestsOn(host.name()).stream()
            .filter(g -> !g.member())
            .map(GuestNode::name)
            .toList();
    if (joining.isEmpty()) {
      throw new NothingToDo("every guest node on " + host.name() + " is already a cluster member");
    }
    Actions.refuseIfPending(
        cluster,
        "host " + host.name(),
        p -> p.host().equals(host.name()) && p.action() instanceof HostAction.HaltClusterNodes);
    return List.of(
        Actions.request(cluster, actionId, host.name(), new HostAction.RunClusterNodes(joining)));
  }

  private static void requireGuestsAsNodes(Registered cluster) {
    if (cluster.topology() != Topology.GUESTS_AS_NODES) {
      throw new InvalidInput(
          "topology", "guest cluster nodes exist only in GUESTS_AS_NODES clusters");
    }
  }
}
