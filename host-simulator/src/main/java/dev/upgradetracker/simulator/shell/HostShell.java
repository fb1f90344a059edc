package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Answers the HP-UX, Integrity VM and Serviceguard commands a host receives, with the output
 * formats and exit codes of the real tools, over the shared {@link FleetModel}.
 */
public final class HostShell {

  private final FleetModel fleet;
  private final Serviceguard serviceguard;
  private final IntegrityVm integrityVm;
  private final SoftwareDistributor software;
  private final SiteBackup backup;
  private final Processes processes = new Processes();

  public HostShell(FleetModel fleet) {
    this.fleet = fleet;
    this.serviceguard = new Serviceguard(fleet);
    this.integrityVm = new IntegrityVm(fleet);
    this.software = new SoftwareDistributor(fleet);
    this.backup = new SiteBackup(fleet);
  }

  /** Runs a command sent without an action's id, as an operator's own would be. */
  public CommandResult run(String hostName, String commandLine) {
    return run(hostName, commandLine, CommandLogEntry.NO_ACTION);
  }

  /** Runs a command the host action {@code actionId} sent, and logs it with that id. */
  public CommandResult run(String hostName, String commandLine, String actionId) {
    var result = interpret(hostName, commandLine.trim());
    fleet.log(hostName, commandLine.trim(), result.exitCode(), actionId);
    return result;
  }

  /**
   * {@code commandLine} runs on the host from now until the handle is closed, whatever becomes of
   * the session that sent it: {@code ps} lists it meanwhile.
   */
  public Processes.Running started(String hostName, String commandLine) {
    return processes.start(hostName, commandLine.trim());
  }

  /** Logs a command the simulator received but did not carry out (an injected fault). */
  public void logOnly(String hostName, String commandLine, int exitCode, String actionId) {
    fleet.log(hostName, commandLine.trim(), exitCode, actionId);
  }

  private CommandResult interpret(String hostName, String commandLine) {
    var host = fleet.host(hostName).orElseThrow();
    var words = Arrays.asList(commandLine.split("\\s+"));
    // leading variable assignments (UNIX95= ps ...) are the command's environment
    int first = 0;
    while (first < words.size() - 1 && words.get(first).matches("[A-Za-z_][A-Za-z0-9_]*=\\S*")) {
      first++;
    }
    var argv = words.subList(first, words.size());
    var command = argv.getFirst();
    return switch (command.substring(command.lastIndexOf('/') + 1)) {
      case "cmviewcl" -> serviceguard.view(host, option(argv, "-p"));
      case "cmhaltpkg" -> serviceguard.haltPackage(host, last(argv));
      case "cmrunpkg" ->
          serviceguard.runPackage(host, option(argv, "-n").orElse(host.name()), last(argv));
      case "cmmodpkg" -> serviceguard.enablePackage(host, argv);
      case "cmhaltnode" -> serviceguard.haltNode(host, last(argv));
      case "cmrunnode" -> serviceguard.runNode(host, last(argv));
      case "hpvmstatus" -> integrityVm.status(host, argv.contains("-M"));
      case "hpvmstart" -> integrityVm.start(host, option(argv, "-P").orElse(""));
      case "hpvmstop" -> integrityVm.stop(host, option(argv, "-P").orElse(""));
      case "swlist" -> software.list(host, argv);
      case "swinstall" -> software.install(host, argv);
      case "update-ux" -> software.updateOs(host, argv);
      case "backup-host" -> backup.host(host);
      case "backup-guests" -> backup.guests(host, argv.subList(1, argv.size()));
      case "backup-status" -> backup.status(host);
      case "ps" -> processes.list(host.name());
      default -> CommandResult.error(127, "sh: " + command + ": not found.");
    };
  }

  static Optional<String> option(List<String> argv, String flag) {
    int at = argv.indexOf(flag);
    return at >= 0 && at + 1 < argv.size() ? Optional.of(argv.get(at + 1)) : Optional.empty();
  }

  private static String last(List<String> argv) {
    return argv.getLast();
  }
}
