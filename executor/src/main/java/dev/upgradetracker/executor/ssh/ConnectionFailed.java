package dev.upgradetracker.executor.ssh;

import java.io.IOException;
import java.io.Serial;

/** The host could not be reached, or the connection dropped: the action may be tried again. */
public class ConnectionFailed extends IOException {

  @Serial private static final long serialVersionUID = 1L;

  public ConnectionFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
