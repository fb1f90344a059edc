package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Host;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.Versions;
import java.util.ArrayList;
import java.util.List;

/** Steps 3 and 4: update (or cold-migrate) one node at a time, then its patches. */
final class NodeUpgrades {

  private NodeUpgrades() {}

  @Checks({Rule.R1, Rule.R2, Rule.R3})
  static List<ClusterEvent> upgrade(ClusterCommand.UpgradeNode command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var host = Actions.host(cluster, command.host());
    if (command.mode() == null) {
      throw new InvalidInput("mode", "is required: UPDATE or COLD_MIGRATE");
    }
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    if (host.upgraded()) {
      throw new NothingToDo(
          "host " + host.name() + " already runs Integrity VM " + host.ivmVersion());
    }
    var other = cluster.nodeUpgrading().filter(node -> !node.equals(host.name()));
    if (other.isPresent()) {
      throw new AnotherNodeUpgrading(host.name(), other.get());
    }
    checkPrepared(cluster, host);
    checkDrained(cluster, host);
    Actions.refuseIfPending(
        cluster,
        "host " + host.name(),
        p -> p.host().equals(host.name()) && p.action() instanceof HostAction.UpdateNode);
    boolean updateServiceguard =
        Versions.compare(host.serviceguardVersion(), Versions.SERVICEGUARD_ROLLING_BASELINE) < 0;
    var events = new ArrayList<ClusterEvent>();
    if (cluster.nodeUpgrading().isEmpty()) {
      events.add(
          new NodeUpgradeStarted(
              cluster.clusterId(), host.name(), command.mode(), updateServiceguard, actionId));
    }
    events.add(
        Actions.request(
            cluster,
            actionId,
            host.name(),
            new HostAction.UpdateNode(command.mode(), updateServiceguard)));
    return events;
  }

  /** R1. */
  private static void checkPrepared(Registered cluster, Host host) {
    var missing = new ArrayList<String>();
    var unverified =
        cluster.guests().values().stream()
            .filter(g -> !g.bootVerified())
            .map(GuestNode::name)
            .toList();
    if (!unverified.isEmpty()) {
      missing.add("guests " + String.join(", ", unverified) + " not verified bootable");
    }
    var notBackedUp =
        cluster.guests().values().stream().filter(g -> !g.backedUp()).map(GuestNode::name).toList();
    if (!notBackedUp.isEmpty()) {
      missing.add("guests " + String.join(", ", notBackedUp) + " not backed up");
    }
    if (!host.backedUp()) {
      missing.add("host " + host.name() + " not backed up");
    }
    if (!missing.isEmpty()) {
      throw new NotPrepared(host.name(), String.join("; ", missing));
    }
  }

  /** R2. */
  private static void checkDrained(Registered cluster, Host host) {
    var guests = cluster.guestsOn(host.name());
    if (cluster.topology() == Topology.GUESTS_AS_PACKAGES) {
      if (!guests.isEmpty()) {
        throw new NodeNotDrained(host.name(), "runs guests " + names(guests));
      }
      return;
    }
    var packages =
        guests.stream()
            .flatMap(g -> cluster.packagesOn(g.name()).stream())
            .map(ClusterState.Pkg::name)
            .toList();
    if (!packages.isEmpty()) {
      throw new NodeNotDrained(
          host.name(), "runs packages " + String.join(", ", packages) + " on its guest nodes");
    }
    var members = guests.stream().filter(GuestNode::member).toList();
    if (!members.isEmpty()) {
      throw new NodeNotDrained(
          host.name(), "has guest nodes " + names(members) + " in the cluster");
    }
  }

  @Checks({Rule.R7})
  static List<ClusterEvent> rejoin(ClusterCommand.RejoinNode command, Registered cluster) {
    var host = Actions.host(cluster, command.host());
    if (host.member()) {
      throw new NothingToDo("host " + host.name() + " is a member of the cluster");
    }
    if (host.upgradedBy() != UpgradeMode.COLD_MIGRATE) {
      throw new OutOfOrder("host " + host.name() + " left the cluster by no cold migration");
    }
    if (cluster.mixedVersions()) {
      throw new ConfigChangeWhileMixed(
          "re-add cold-migrated node " + host.name() + " to the cluster", hostsOn3x(cluster));
    }
    return List.of(new NodeRejoinedCluster(cluster.clusterId(), host.name()));
  }

  static List<ClusterEvent> installPatches(
      ClusterCommand.InstallPatches command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var host = Actions.host(cluster, command.host());
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    if (!host.upgraded()) {
      throw new OutOfOrder("the 4.0 patches go on host " + host.name() + " after its upgrade");
    }
    if (host.patched()) {
      throw new NothingToDo("host " + host.name() + " has its patches");
    }
    Actions.refuseIfPending(
        cluster,
        "host " + host.name(),
        p -> p.host().equals(host.name()) && p.action() instanceof HostAction.InstallPatches);
    return List.of(
        Actions.request(cluster, actionId, host.name(), new HostAction.InstallPatches()));
  }

  static List<String> hostsOn3x(Registered cluster) {
    return cluster.hosts().values().stream().filter(h -> !h.upgraded()).map(Host::name).toList();
  }

  private static String names(List<GuestNode> guests) {
    return String.join(", ", guests.stream().map(GuestNode::name).toList());
  }
}
