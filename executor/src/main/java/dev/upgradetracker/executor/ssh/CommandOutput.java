package dev.upgradetracker.executor.ssh;

/** What one remote command printed, and its exit status. */
public record CommandOutput(String commandLine, int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }
}
