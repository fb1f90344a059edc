package dev.upgradetracker.simulator.fleet;

import java.time.Instant;

/**
 * A command a host received, how it ended, and the host action that sent it: the executor names its
 * action in the command's environment ({@code UT_ACTION_ID}); empty for a command sent without one
 * (or logged before the simulator recorded them).
 */
public record CommandLogEntry(
    Instant at, String host, String commandLine, int exitCode, String actionId) {

  public static final String NO_ACTION = "";

  public CommandLogEntry {
    actionId = actionId == null ? NO_ACTION : actionId;
  }
}
