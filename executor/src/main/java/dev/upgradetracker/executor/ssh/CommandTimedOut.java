package dev.upgradetracker.executor.ssh;

import java.io.IOException;

/** A command ran past its timeout; it may still be working on the host, so it is not retried. */
public class CommandTimedOut extends IOException {

  public CommandTimedOut(String message) {
    super(message);
  }
}
