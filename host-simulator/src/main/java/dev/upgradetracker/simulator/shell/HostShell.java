package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.GuestState;
import dev.upgradetracker.simulator.fleet.HostState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Answers the HP-UX, Integrity VM and Serviceguard commands a host receives, with the output
 * formats and exit codes of the real tools, over the shared {@link FleetModel}.
 */
public final class HostShell {

  private final FleetModel fleet;

  public HostShell(FleetModel fleet) {
    this.fleet = fleet;
  }

  public CommandResult run(String hostName, String commandLine) {
    var result = interpret(hostName, commandLine.trim());
    fleet.log(hostName, commandLine.trim(), result.exitCode());
    return result;
  }

  /** Logs a command the simulator received but did not carry out (an injected fault). */
  public void logOnly(String hostName, String commandLine, int exitCode) {
    fleet.log(hostName, commandLine.trim(), exitCode);
  }

  private CommandResult interpret(String hostName, String commandLine) {
    var host = fleet.host(hostName).orElseThrow();
    var argv = Arrays.asList(commandLine.split("\\s+"));
    return switch (argv.getFirst()) {
      case "cmviewcl" -> ServiceguardView.lines(fleet, host, option(argv, "-p"));
      case "cmhaltpkg" -> haltPackage(host, last(argv));
      case "cmrunpkg" -> runPackage(host, option(argv, "-n").orElse(host.name()), last(argv));
      case "cmmodpkg" -> enablePackage(host, argv);
      case "hpvmstatus" -> IntegrityVmView.status(fleet, host, argv.contains("-M"));
      case "swlist" -> SoftwareView.swlist(host);
      default -> CommandResult.error(127, "sh: " + argv.getFirst() + ": not found.");
    };
  }

  private CommandResult haltPackage(HostState host, String packageName) {
    var guest = packageOf(host, packageName);
    if (guest.isEmpty()) {
      return unknownPackage("cmhaltpkg", packageName);
    }
    if (!guest.get().running()) {
      return CommandResult.error(
          1, "Package " + packageName + " is not running.\ncmhaltpkg: Unable to halt package.");
    }
    fleet.updateGuest(packageName, GuestState::haltedPackage);
    return CommandResult.ok(
        "Halting package " + packageName + "\ncmhaltpkg: Completed successfully on all packages specified\n");
  }

  private CommandResult runPackage(HostState host, String nodeName, String packageName) {
    var guest = packageOf(host, packageName);
    if (guest.isEmpty()) {
      return unknownPackage("cmrunpkg", packageName);
    }
    if (guest.get().running()) {
      return CommandResult.error(
          1,
          "cmrunpkg: Package " + packageName + " is already running on " + guest.get().node() + ".");
    }
    var node = fleet.host(nodeName).filter(n -> n.cluster().equals(host.cluster()));
    if (node.isEmpty() || !node.get().up()) {
      return CommandResult.error(
          1, "cmrunpkg: Node " + nodeName + " is not an active member of the cluster.");
    }
    fleet.updateGuest(packageName, g -> g.runningOn(nodeName));
    return CommandResult.ok(
        "Running package " + packageName + " on node " + nodeName
            + "\nSuccessfully started package " + packageName + " on node " + nodeName
            + "\ncmrunpkg: All specified packages are running\n");
  }

  private CommandResult enablePackage(HostState host, List<String> argv) {
    if (!argv.contains("-e")) {
      return CommandResult.error(2, "cmmodpkg: only -e (enable switching) is simulated");
    }
    var packageName = last(argv);
    if (packageOf(host, packageName).isEmpty()) {
      return unknownPackage("cmmodpkg", packageName);
    }
    fleet.updateGuest(packageName, g -> g.withAutorun(true));
    return CommandResult.ok("cmmodpkg: Completed successfully on all packages specified\n");
  }

  private Optional<GuestState> packageOf(HostState host, String packageName) {
    return fleet.guest(packageName).filter(g -> g.cluster().equals(host.cluster()));
  }

  private static CommandResult unknownPackage(String tool, String packageName) {
    return CommandResult.error(1, tool + ": Package " + packageName + " does not exist.");
  }

  private static Optional<String> option(List<String> argv, String flag) {
    int at = argv.indexOf(flag);
    return at >= 0 && at + 1 < argv.size() ? Optional.of(argv.get(at + 1)) : Optional.empty();
  }

  private static String last(List<String> argv) {
    return argv.getLast();
  }
}
