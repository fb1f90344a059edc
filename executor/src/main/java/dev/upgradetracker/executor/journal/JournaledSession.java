package dev.upgradetracker.executor.journal;

import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.HostSession;
import dev.upgradetracker.messaging.journal.JournalEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;

/** A host session that puts each command line into the action journal before sending it. */
public final class JournaledSession implements HostSession {

  private final HostSession host;
  private final ActionJournal journal;
  private final Clock clock = Clock.systemUTC();
  private JournalEntry entry;

  public JournaledSession(HostSession host, ActionJournal journal, JournalEntry entry) {
    this.host = host;
    this.journal = journal;
    this.entry = entry;
  }

  @Override
  public CommandOutput run(String commandLine) throws IOException {
    var next = entry.sending(commandLine, clock.instant());
    try {
      journal.record(next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted before sending " + commandLine);
    } catch (IllegalStateException unrecorded) {
      throw new IOException(unrecorded.getMessage() + ": '" + commandLine + "' was not sent");
    }
    entry = next;
    return host.run(commandLine);
  }

  @Override
  public String hostKeyFingerprint() {
    return host.hostKeyFingerprint();
  }

  /** Already one action's: its journal entry names it. */
  @Override
  public HostSession forAction(String actionId) {
    if (!actionId.equals(entry.actionId())) {
      throw new IllegalArgumentException(
          "a session journaled for " + entry.actionId() + " cannot run " + actionId);
    }
    return this;
  }
}
