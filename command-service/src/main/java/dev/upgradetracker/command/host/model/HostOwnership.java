package dev.upgradetracker.command.host.model;

import static dev.upgradetracker.command.input.InputChecks.canonicalAddress;

import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.Map;

/**
 * R8 over hosts: a cluster is registered or updated only over hosts assigned to its team, each at
 * the address it was assigned with and in no other cluster.
 */
public final class HostOwnership {

  private HostOwnership() {}

  /** {@code ledger}: the entries of the spec's hosts; a host without one is assigned to nobody. */
  public static void check(ClusterSpec spec, Map<String, HostEntry> ledger) {
    for (int i = 0; i < spec.hosts().size(); i++) {
      var host = spec.hosts().get(i);
      checkHost(spec.id(), spec.team(), "hosts[" + i + "]", host, ledger.get(host.name()));
    }
  }

  /**
   * One host of cluster {@code clusterId} of {@code team}, against its ledger {@code entry} (null:
   * assigned to nobody); {@code field} names it in a refusal.
   */
  public static void checkHost(
      String clusterId, String team, String field, VmHost host, HostEntry entry) {
    if (entry == null) {
      throw NotOwner.unassignedHost(host.name(), team);
    }
    Ownership.require("host", host.name(), entry.team(), team);
    if (!entry.sshAddress().equals(canonicalAddress(host.sshAddress()))) {
      throw new InvalidInput(
          field + ".sshAddress",
          "host "
              + host.name()
              + " is assigned at "
              + entry.sshAddress()
              + ", not at "
              + host.sshAddress());
    }
    if (entry.clusterId() != null && !entry.clusterId().equals(clusterId)) {
      throw HostTaken.inCluster(host.name(), entry.clusterId(), "a host is in at most one cluster");
    }
  }
}
