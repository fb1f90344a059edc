package dev.upgradetracker.messaging.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the executors did of one host action, as the action journal (a compacted topic keyed by
 * action id) keeps it: every command line sent to the host so far, recorded before it was sent, and
 * whether the action's result was published. Each entry holds all that came before it, so
 * compaction, which keeps the latest entry per action, loses nothing.
 */
public record JournalEntry(
    String actionId, String clusterId, List<String> commandLines, boolean finished, Instant at) {

  public JournalEntry {
    commandLines = List.copyOf(commandLines);
  }

  public static JournalEntry none(String actionId, String clusterId) {
    return new JournalEntry(actionId, clusterId, List.of(), false, Instant.EPOCH);
  }

  /** About to send {@code commandLine} to the host. */
  public JournalEntry sending(String commandLine, Instant now) {
    var lines = new ArrayList<>(commandLines);
    lines.add(commandLine);
    return new JournalEntry(actionId, clusterId, lines, false, now);
  }

  /** The action's result is published: it is never run again. */
  public JournalEntry finished(Instant now) {
    return new JournalEntry(actionId, clusterId, commandLines, true, now);
  }
}
