package dev.upgradetracker.executor.ssh;

import java.io.IOException;
import java.io.Serial;

/** A command ran past its timeout; it may still be working on the host, so it is not retried. */
public class CommandTimedOut extends IOException {

  @Serial private static final long serialVersionUID = 1L;

  public CommandTimedOut(String message) {
    super(message);
  }
}
