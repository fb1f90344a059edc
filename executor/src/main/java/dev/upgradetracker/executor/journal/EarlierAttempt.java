package dev.upgradetracker.executor.journal;

import dev.upgradetracker.executor.ssh.HostSession;
import java.time.Duration;
import java.util.List;

/**
 * How a resumed action learns that its earlier attempt's last command no longer runs on the host:
 * an attempt cut off with its executor may leave that command running (the host runs it on without
 * the SSH session), and a command sent again while it runs would run twice — its probe, read
 * meanwhile, still finding the work undone.
 *
 * @param processes the command line that lists the host's running commands, one per line
 * @param patience how long to wait for it to end before the action fails: the command timeout
 * @param every how often to look
 */
public record EarlierAttempt(String processes, Duration patience, Duration every) {

  /**
   * {@code host}, sending nothing before the last of {@code sentBefore} (the lines the journal has
   * of the action's earlier attempts) no longer runs on it; at once when there are none.
   */
  public HostSession awaitedOn(HostSession host, List<String> sentBefore) {
    return sentBefore.isEmpty() ? host : new AfterEarlierAttempt(host, this, sentBefore.getLast());
  }

  /** Whether the listing shows {@code commandLine} among the host's running commands. */
  static boolean stillRuns(String listing, String commandLine) {
    return listing.lines().map(String::trim).anyMatch(line -> line.equals(commandLine.trim()));
  }
}
