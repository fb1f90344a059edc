package dev.upgradetracker.executor.journal;

import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.io.InterruptedIOException;

/** A host session whose first command waits until an earlier attempt's last one has ended. */
final class AfterEarlierAttempt implements HostSession {

  private final HostSession host;
  private final EarlierAttempt earlier;
  private final String lastSent;
  private boolean ended;

  AfterEarlierAttempt(HostSession host, EarlierAttempt earlier, String lastSent) {
    this.host = host;
    this.earlier = earlier;
    this.lastSent = lastSent;
  }

  @Override
  public CommandOutput run(String commandLine) throws IOException {
    if (!ended) {
      awaitEnded();
      ended = true;
    }
    return host.run(commandLine);
  }

  private void awaitEnded() throws IOException {
    long deadline = System.nanoTime() + earlier.patience().toNanos();
    while (true) {
      var listing = host.run(earlier.processes());
      if (!listing.succeeded()) {
        throw new IOException(
            "cannot tell whether the earlier attempt's '"
                + lastSent
                + "' still runs: '"
                + earlier.processes()
                + "' exited "
                + listing.exitCode());
      }
      if (!EarlierAttempt.stillRuns(listing.stdout(), lastSent)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the earlier attempt's '"
                + lastSent
                + "' still runs on the host after "
                + earlier.patience());
      }
      try {
        Thread.sleep(earlier.every());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for '" + lastSent + "' to end");
      }
    }
  }

  @Override
  public String hostKeyFingerprint() {
    return host.hostKeyFingerprint();
  }

  @Override
  public HostSession forAction(String actionId) {
    return new AfterEarlierAttempt(host.forAction(actionId), earlier, lastSent);
  }
}
