package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Host;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RejoinNode;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The procedure's next step for a cluster as it stands, or empty when every host runs 4.0 and every
 * guest has the 4.0 kit. Both the plan (a dry run) and a campaign (for real) follow it, so they
 * agree.
 *
 * <p>First the guests are verified and backed up. Then one node at a time: the node already under
 * way, else the not yet upgraded host running the fewest guests (least to move; ties by name), a
 * host with a guest that already has the 4.0 kit last (that guest may move only to an upgraded
 * host, R5). Per node, guests as packages: back up the host, move its guests away, upgrade, install
 * patches; guests as nodes: back up the host, move the packages off its guests, halt its guest
 * nodes, upgrade, install patches, run its guest nodes again. Cold-migrated nodes rejoin once no
 * host runs 3.x (R7); last, every guest gets the 4.0 kit (R4).
 */
public final class NextStep {

  private NextStep() {}

  public static Optional<ClusterCommand> of(Registered cluster, UpgradeMode mode, String actionId) {
    var id = cluster.clusterId();
    if (cluster.guests().values().stream().anyMatch(g -> !g.bootVerified())) {
      return Optional.of(new VerifyGuestsBoot(id, actionId));
    }
    if (cluster.guests().values().stream().anyMatch(g -> !g.backedUp())) {
      return Optional.of(new BackUpGuests(id, actionId));
    }
    var node = nodeUnderWay(cluster).or(() -> nodeOrder(cluster).stream().findFirst());
    if (node.isPresent()) {
      return Optional.of(nodeStep(cluster, node.get(), mode, actionId));
    }
    var outOfCluster =
        cluster.hosts().values().stream()
            .filter(h -> !h.member() && cluster.topology() == Topology.GUESTS_AS_PACKAGES)
            .findFirst();
    if (outOfCluster.isPresent()) {
      return Optional.of(new RejoinNode(id, outOfCluster.get().name()));
    }
    if (cluster.guests().values().stream().anyMatch(g -> !g.hasKit4())) {
      return Optional.of(new InstallGuestKit(id, null, actionId));
    }
    return Optional.empty();
  }

  /** The hosts still on 3.x in the order they are taken up. */
  public static List<String> nodeOrder(Registered cluster) {
    var guests = cluster.guestsPerHost();
    var withKit4 = new HashSet<String>();
    cluster.guests().values().stream()
        .filter(GuestNode::hasKit4)
        .forEach(g -> withKit4.add(g.host()));
    return cluster.hosts().values().stream()
        .filter(h -> !h.upgraded())
        .sorted(
            Comparator.comparing((Host h) -> withKit4.contains(h.name()))
                .thenComparingInt(h -> guests.getOrDefault(h.name(), 0))
                .thenComparing(Host::name))
        .map(Host::name)
        .toList();
  }

  /**
   * A node whose upgrade started, or that this procedure upgraded and still lacks its patches or
   * its guest nodes.
   */
  private static Optional<String> nodeUnderWay(Registered cluster) {
    return cluster.nodeUpgrading().or(() -> afterItsUpgrade(cluster));
  }

  private static Optional<String> afterItsUpgrade(Registered cluster) {
    return cluster.hosts().values().stream()
        .filter(h -> h.upgradedBy() != null)
        .filter(h -> !h.patched() || haltedGuestNodes(cluster, h.name()))
        .map(Host::name)
        .findFirst();
  }

  private static ClusterCommand nodeStep(
      Registered cluster, String name, UpgradeMode mode, String actionId) {
    var id = cluster.clusterId();
    var host = cluster.hosts().get(name);
    if (!host.backedUp()) {
      return new BackUpHost(id, name, actionId);
    }
    if (!host.upgraded()) {
      if (cluster.topology() == Topology.GUESTS_AS_PACKAGES) {
        if (!cluster.guestsOn(name).isEmpty()) {
          return new MoveGuests(id, null, null, name, actionId);
        }
      } else {
        if (cluster.guestsOn(name).stream()
            .anyMatch(g -> !cluster.packagesOn(g.name()).isEmpty())) {
          return new MovePackages(id, null, null, name, actionId);
        }
        if (cluster.guestsOn(name).stream().anyMatch(GuestNode::member)) {
          return new HaltClusterNodes(id, name, actionId);
        }
      }
      return new UpgradeNode(id, name, mode, actionId);
    }
    if (!host.patched()) {
      return new InstallPatches(id, name, actionId);
    }
    return new RunClusterNodes(id, name, actionId);
  }

  private static boolean haltedGuestNodes(Registered cluster, String host) {
    return cluster.topology() == Topology.GUESTS_AS_NODES
        && cluster.guestsOn(host).stream().anyMatch(g -> !g.member());
  }
}
