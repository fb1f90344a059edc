package dev.upgradetracker.cli;

import dev.upgradetracker.cli.api.ApiError;
import dev.upgradetracker.cli.api.UsageProblem;
import dev.upgradetracker.cli.audit.DiffCommand;
import dev.upgradetracker.cli.audit.HistoryCommand;
import dev.upgradetracker.cli.audit.StateCommand;
import dev.upgradetracker.cli.audit.VerifyCommand;
import dev.upgradetracker.cli.campaign.CampaignCommand;
import dev.upgradetracker.cli.campaign.WatchCommand;
import dev.upgradetracker.cli.context.ConfigCommand;
import dev.upgradetracker.cli.fleet.FleetCommand;
import dev.upgradetracker.cli.fleet.PlanCommand;
import dev.upgradetracker.cli.host.HostsCommand;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code upgrade}: the operators' and auditors' command line over the services' REST APIs. Exit
 * codes: 0 done; 1 refused, or a check found a problem; 2 wrong usage; 3 a service unreachable.
 */
@Command(
    name = "upgrade",
    // -h/--help and -V/--version on every command and subcommand, not only here
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "upgrade 0.1.0",
    description = "Drive and audit rolling upgrades of Integrity VM clusters.",
    subcommands = {
      HelpCommand.class,
      FleetCommand.class,
      HostsCommand.class,
      PlanCommand.class,
      CampaignCommand.class,
      WatchCommand.class,
      HistoryCommand.class,
      StateCommand.class,
      DiffCommand.class,
      VerifyCommand.class,
      ConfigCommand.class,
      CompletionCommand.class,
      AotTrainingCommand.class
    })
public final class UpgradeCli {

  public static final int REFUSED = 1;
  public static final int UNREACHABLE = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The whole tool, ready to execute; output goes to the command line's out and err writers. */
  public static CommandLine commandLine() {
    var commandLine = new CommandLine(new UpgradeCli());
    // -o JSON and -o json alike
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (failure, line, parsed) -> {
          line.getErr().println("upgrade: " + failure.getMessage());
          return switch (failure) {
            case ApiError refused -> refused.status() >= 500 ? UNREACHABLE : REFUSED;
            case UsageProblem usage -> CommandLine.ExitCode.USAGE;
            case UncheckedIOException unreachable -> UNREACHABLE;
            default -> throw failure;
          };
        });
    return commandLine;
  }
}
