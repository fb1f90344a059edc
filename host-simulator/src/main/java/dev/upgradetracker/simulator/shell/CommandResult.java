package dev.upgradetracker.simulator.shell;

/** What a simulated command printed and its exit status. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  static CommandResult ok(String stdout) {
    return new CommandResult(0, stdout, "");
  }

  static CommandResult error(int exitCode, String stderr) {
    return new CommandResult(exitCode, "", stderr + "\n");
  }
}
