package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterInventoryUpdated;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The inventory of a registered cluster is corrected or changed (R7 while versions are mixed). */
final class InventoryUpdates {

  private InventoryUpdates() {}

  @Checks({Rule.R7})
  static List<ClusterEvent> update(ClusterCommand.UpdateCluster command, Registered cluster) {
    var spec = command.cluster();
    ClusterSpecValidation.check(spec);
    if (!spec.team().equals(cluster.team())) {
      throw new InvalidInput(
          "team", "an update does not change the owning team (" + cluster.team() + ")");
    }
    var pending = cluster.pendingActions().keySet().stream().findFirst();
    if (pending.isPresent()) {
      throw new ActionInProgress("cluster " + cluster.clusterId(), pending.get());
    }
    var upgrading = cluster.nodeUpgrading();
    if (upgrading.isPresent()) {
      throw new OutOfOrder(
          "node " + upgrading.get() + " is being upgraded; update the inventory after it");
    }
    if (cluster.mixedVersions() && changesMembershipOrTopology(cluster, spec)) {
      throw new ConfigChangeWhileMixed(
          "change the cluster's membership or topology", NodeUpgrades.hostsOn3x(cluster));
    }
    return List.of(
        new ClusterInventoryUpdated(
            spec.id(),
            spec.topology(),
            spec.clusterLock(),
            spec.hosts(),
            Objects.requireNonNullElse(spec.guests(), List.of()),
            Objects.requireNonNullElse(spec.packages(), List.of()),
            spec.site()));
  }

  private static boolean changesMembershipOrTopology(Registered cluster, ClusterSpec spec) {
    return spec.topology() != cluster.topology()
        || spec.clusterLock() != cluster.clusterLock()
        || !names(spec.hosts().stream().map(VmHost::name)).equals(cluster.hosts().keySet())
        || !names(
                Objects.requireNonNullElse(spec.guests(), List.<Guest>of()).stream()
                    .map(Guest::name))
            .equals(cluster.guests().keySet())
        || !names(
                Objects.requireNonNullElse(spec.packages(), List.<AppPackage>of()).stream()
                    .map(AppPackage::name))
            .equals(cluster.packages().keySet());
  }

  private static Set<String> names(Stream<String> names) {
    return names.collect(Collectors.toSet());
  }
}
