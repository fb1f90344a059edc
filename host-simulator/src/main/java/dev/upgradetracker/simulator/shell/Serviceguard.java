package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.GuestState;
import dev.upgradetracker.simulator.fleet.HostState;
import dev.upgradetracker.simulator.fleet.PackageState;
import java.util.List;
import java.util.Optional;

/**
 * Serviceguard's commands. In GUESTS_AS_PACKAGES clusters the nodes are the VM hosts and the
 * packages are the guests; in GUESTS_AS_NODES clusters the nodes are the guests and the packages
 * are application packages.
 */
final class Serviceguard {

  private final FleetModel fleet;

  Serviceguard(FleetModel fleet) {
    this.fleet = fleet;
  }

  private boolean guestsAreNodes(HostState host) {
    return fleet.topologyOf(host.cluster()) == Topology.GUESTS_AS_NODES;
  }

  CommandResult view(HostState host, Optional<String> onlyPackage) {
    var out = new StringBuilder();
    if (onlyPackage.isEmpty()) {
      out.append("name=").append(host.cluster()).append('\n').append("status=up\n");
      if (guestsAreNodes(host)) {
        for (var guest : fleet.guestsOf(host.cluster())) {
          node(out, guest.name(), guest.member());
        }
      } else {
        for (var node : fleet.hostsOf(host.cluster())) {
          node(out, node.name(), node.up());
        }
      }
    }
    if (guestsAreNodes(host)) {
      for (var pkg : fleet.packagesOf(host.cluster())) {
        if (onlyPackage.isEmpty() || onlyPackage.get().equals(pkg.name())) {
          pkg(out, pkg.name(), pkg.running(), pkg.autorun(), pkg.node());
        }
      }
    } else {
      for (var guest : fleet.guestsOf(host.cluster())) {
        if (onlyPackage.isEmpty() || onlyPackage.get().equals(guest.name())) {
          pkg(out, guest.name(), guest.running(), guest.autorun(), guest.node());
        }
      }
    }
    if (onlyPackage.isPresent() && out.isEmpty()) {
      return CommandResult.error(1, "cmviewcl: Package " + onlyPackage.get() + " does not exist.");
    }
    return CommandResult.ok(out.toString());
  }

  private static void node(StringBuilder out, String name, boolean up) {
    var prefix = "node:" + name + "|";
    out.append(prefix).append("name=").append(name).append('\n');
    out.append(prefix).append("status=").append(up ? "up" : "down").append('\n');
    out.append(prefix).append("state=").append(up ? "running" : "halted").append('\n');
  }

  private static void pkg(
      StringBuilder out, String name, boolean running, boolean autorun, String node) {
    var prefix = "package:" + name + "|";
    out.append(prefix).append("name=").append(name).append('\n');
    out.append(prefix).append("status=").append(running ? "up" : "down").append('\n');
    out.append(prefix).append("state=").append(running ? "running" : "halted").append('\n');
    out.append(prefix).append("autorun=").append(autorun ? "enabled" : "disabled").append('\n');
    out.append(prefix).append("node=").append(node).append('\n');
  }

  CommandResult haltPackage(HostState host, String name) {
    if (guestsAreNodes(host)) {
      var pkg = appPackage(host, name);
      if (pkg.isEmpty()) {
        return unknownPackage("cmhaltpkg", name);
      }
      if (!pkg.get().running()) {
        return notRunning(name);
      }
      fleet.updatePackage(name, PackageState::halted);
      return halted(name);
    }
    var guest = guestPackage(host, name);
    if (guest.isEmpty()) {
      return unknownPackage("cmhaltpkg", name);
    }
    if (!guest.get().running()) {
      return notRunning(name);
    }
    fleet.updateGuest(name, GuestState::haltedPackage);
    return halted(name);
  }

  CommandResult runPackage(HostState host, String nodeName, String name) {
    if (guestsAreNodes(host)) {
      var pkg = appPackage(host, name);
      if (pkg.isEmpty()) {
        return unknownPackage("cmrunpkg", name);
      }
      if (pkg.get().running()) {
        return alreadyRunning(name, pkg.get().node());
      }
      var node =
          fleet.guest(nodeName).filter(g -> g.cluster().equals(host.cluster()) && g.member());
      if (node.isEmpty()) {
        return notAMember(nodeName);
      }
      fleet.updatePackage(name, p -> p.runningOn(nodeName));
      return started(name, nodeName);
    }
    var guest = guestPackage(host, name);
    if (guest.isEmpty()) {
      return unknownPackage("cmrunpkg", name);
    }
    if (guest.get().running()) {
      return alreadyRunning(name, guest.get().node());
    }
    var node = fleet.host(nodeName).filter(n -> n.cluster().equals(host.cluster()));
    if (node.isEmpty() || !node.get().up()) {
      return notAMember(nodeName);
    }
    if (!guest.get().mayRunOn(nodeName)) {
      fleet.violation(
          host.cluster(),
          "R5: cmrunpkg -n "
              + nodeName
              + " "
              + name
              + ": "
              + nodeName
              + " is not in the package's node list "
              + guest.get().failoverNodes());
      return CommandResult.error(
          1,
          "cmrunpkg: Unable to run package "
              + name
              + " on node "
              + nodeName
              + ": the node is not configured to run it.");
    }
    if (guest.get().kitVersion().startsWith("B.04") && !node.get().runsIntegrityVm4()) {
      fleet.violation(
          host.cluster(),
          "R5: guest "
              + name
              + " with the 4.0 kit started on "
              + nodeName
              + ", which runs Integrity VM "
              + node.get().ivmVersion());
    }
    fleet.updateGuest(name, g -> g.runningOn(nodeName));
    return started(name, nodeName);
  }

  CommandResult enablePackage(HostState host, List<String> argv) {
    if (!argv.contains("-e")) {
      return CommandResult.error(2, "cmmodpkg: only -e (enable switching) is simulated");
    }
    var name = argv.getLast();
    if (guestsAreNodes(host)
        ? appPackage(host, name).isEmpty()
        : guestPackage(host, name).isEmpty()) {
      return unknownPackage("cmmodpkg", name);
    }
    if (guestsAreNodes(host)) {
      fleet.updatePackage(name, p -> p.withAutorun(true));
    } else {
      fleet.updateGuest(name, g -> g.withAutorun(true));
    }
    return CommandResult.ok("cmmodpkg: Completed successfully on all packages specified\n");
  }

  CommandResult haltNode(HostState host, String nodeName) {
    var guest = guestNode(host, nodeName);
    if (guest.isEmpty()) {
      return CommandResult.error(
          1, "cmhaltnode: Node " + nodeName + " is not a node of cluster " + host.cluster() + ".");
    }
    if (!guest.get().member()) {
      return CommandResult.ok(
          "cmhaltnode: Node " + nodeName + " is not running the cluster daemon.\n");
    }
    for (var pkg : fleet.packagesOf(host.cluster())) {
      if (pkg.running() && pkg.node().equals(nodeName)) {
        fleet.violation(
            host.cluster(),
            "R2: cmhaltnode -f on "
                + nodeName
                + " halted package "
                + pkg.name()
                + ", which was still running there");
        fleet.updatePackage(pkg.name(), PackageState::halted);
      }
    }
    var members = fleet.guestsOf(host.cluster()).stream().filter(GuestState::member).count();
    if (2 * (members - 1) < members) {
      fleet.violation(
          host.cluster(),
          "R6: halting " + nodeName + " left " + (members - 1) + " of " + members + " members");
    }
    fleet.updateGuest(nodeName, g -> g.withMembership(false));
    return CommandResult.ok(
        "Disabling all packages from starting on nodes to be halted.\nHalting cluster services on node "
            + nodeName
            + "\ncmhaltnode: Successfully halted all nodes specified.\n");
  }

  CommandResult runNode(HostState host, String nodeName) {
    var guest = guestNode(host, nodeName);
    if (guest.isEmpty()) {
      return CommandResult.error(
          1, "cmrunnode: Node " + nodeName + " is not a node of cluster " + host.cluster() + ".");
    }
    if (!guest.get().running()) {
      return CommandResult.error(1, "cmrunnode: Unable to communicate with node " + nodeName + ".");
    }
    fleet.updateGuest(nodeName, g -> g.withMembership(true));
    return CommandResult.ok(
        "cmrunnode: Waiting for cluster to form .... done\ncmrunnode: Node "
            + nodeName
            + " joined cluster "
            + host.cluster()
            + ".\n");
  }

  private Optional<GuestState> guestNode(HostState host, String name) {
    return fleet
        .guest(name)
        .filter(g -> g.cluster().equals(host.cluster()) && guestsAreNodes(host));
  }

  private Optional<GuestState> guestPackage(HostState host, String name) {
    return fleet.guest(name).filter(g -> g.cluster().equals(host.cluster()));
  }

  private Optional<PackageState> appPackage(HostState host, String name) {
    return fleet.pkg(name).filter(p -> p.cluster().equals(host.cluster()));
  }

  private static CommandResult halted(String name) {
    return CommandResult.ok(
        "Halting package "
            + name
            + "\ncmhaltpkg: Completed successfully on all packages specified\n");
  }

  private static CommandResult started(String name, String node) {
    return CommandResult.ok(
        "Running package "
            + name
            + " on node "
            + node
            + "\nSuccessfully started package "
            + name
            + " on node "
            + node
            + "\ncmrunpkg: All specified packages are running\n");
  }

  private static CommandResult notRunning(String name) {
    return CommandResult.error(
        1, "Package " + name + " is not running.\ncmhaltpkg: Unable to halt package.");
  }

  private static CommandResult alreadyRunning(String name, String node) {
    return CommandResult.error(
        1, "cmrunpkg: Package " + name + " is already running on " + node + ".");
  }

  private static CommandResult notAMember(String node) {
    return CommandResult.error(
        1, "cmrunpkg: Node " + node + " is not an active member of the cluster.");
  }

  private static CommandResult unknownPackage(String tool, String name) {
    return CommandResult.error(1, tool + ": Package " + name + " does not exist.");
  }
}
