package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.input.InputChecks.name;
import static dev.upgradetracker.command.input.InputChecks.required;
import static dev.upgradetracker.command.input.InputChecks.sshAddress;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.InventoryWarnings;
import dev.upgradetracker.events.fleet.Topology;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a cluster as submitted for registration; the first problem found is reported. */
public final class ClusterSpecValidation {

  private ClusterSpecValidation() {}

  /** What in a valid spec the procedure never produces: registered as told, flagged. */
  public static List<InventoryWarning> warnings(ClusterSpec spec) {
    return InventoryWarnings.of(
        spec.hosts(), spec.guests() == null ? List.<Guest>of() : spec.guests());
  }

  static void check(ClusterSpec spec) {
    name("id", spec.id());
    name("team", spec.team());
    if (spec.topology() == null) {
      throw new InvalidInput("topology", "is required: GUESTS_AS_PACKAGES or GUESTS_AS_NODES");
    }
    if (spec.hosts() == null || spec.hosts().isEmpty()) {
      throw new InvalidInput("hosts", "a cluster needs at least one VM host");
    }
    var hostNames = new HashSet<String>();
    for (int i = 0; i < spec.hosts().size(); i++) {
      var host = spec.hosts().get(i);
      var field = "hosts[" + i + "]";
      name(field + ".name", host.name());
      if (!hostNames.add(host.name())) {
        throw new InvalidInput(field + ".name", "host " + host.name() + " is listed twice");
      }
      sshAddress(field + ".sshAddress", host.sshAddress());
      required(field + ".hpuxVersion", host.hpuxVersion());
      required(field + ".ivmVersion", host.ivmVersion());
      required(field + ".serviceguardVersion", host.serviceguardVersion());
    }
    var guestNames = new HashSet<String>();
    var guests = spec.guests() == null ? List.<Guest>of() : spec.guests();
    for (int i = 0; i < guests.size(); i++) {
      var guest = guests.get(i);
      var field = "guests[" + i + "]";
      name(field + ".name", guest.name());
      if (!guestNames.add(guest.name())) {
        throw new InvalidInput(field + ".name", "guest " + guest.name() + " is listed twice");
      }
      if (!hostNames.contains(guest.host())) {
        throw new InvalidInput(
            field + ".host", "host " + guest.host() + " is not a host of this cluster");
      }
      required(field + ".kitVersion", guest.kitVersion());
      checkFailoverNodes(spec, field, guest, hostNames);
    }
    checkPackages(spec, guestNames);
  }

  /** A guest package's nodes: hosts of the cluster, each once, the host it runs on among them. */
  private static void checkFailoverNodes(
      ClusterSpec spec, String field, Guest guest, Set<String> hostNames) {
    if (guest.failoverNodes() == null) {
      return;
    }
    if (spec.topology() != Topology.GUESTS_AS_PACKAGES) {
      throw new InvalidInput(
          field + ".failoverNodes",
          "only guests that are packages (GUESTS_AS_PACKAGES) have failover nodes; list the"
              + " application packages' instead");
    }
    var listed = new HashSet<String>();
    for (var node : guest.failoverNodes()) {
      if (!hostNames.contains(node)) {
        throw new InvalidInput(
            field + ".failoverNodes", "node " + node + " is not a host of this cluster");
      }
      if (!listed.add(node)) {
        throw new InvalidInput(field + ".failoverNodes", "node " + node + " is listed twice");
      }
    }
    if (!listed.contains(guest.host())) {
      throw new InvalidInput(
          field + ".failoverNodes",
          "the guest runs on " + guest.host() + ", which its failover nodes must list");
    }
  }

  private static void checkPackages(ClusterSpec spec, Set<String> guestNames) {
    var packages = spec.packages() == null ? List.<AppPackage>of() : spec.packages();
    if (!packages.isEmpty() && spec.topology() != Topology.GUESTS_AS_NODES) {
      throw new InvalidInput(
          "packages",
          "application packages are listed only for GUESTS_AS_NODES clusters; here the guests are the packages");
    }
    var packageNames = new HashSet<String>();
    for (int i = 0; i < packages.size(); i++) {
      var pkg = packages.get(i);
      var field = "packages[" + i + "]";
      name(field + ".name", pkg.name());
      if (!packageNames.add(pkg.name())) {
        throw new InvalidInput(field + ".name", "package " + pkg.name() + " is listed twice");
      }
      if (!guestNames.contains(pkg.node())) {
        throw new InvalidInput(
            field + ".node", "guest node " + pkg.node() + " is not a guest of this cluster");
      }
      for (var failover : pkg.failoverNodes() == null ? List.<String>of() : pkg.failoverNodes()) {
        if (!guestNames.contains(failover)) {
          throw new InvalidInput(
              field + ".failoverNodes",
              "guest node " + failover + " is not a guest of this cluster");
        }
      }
    }
  }
}
