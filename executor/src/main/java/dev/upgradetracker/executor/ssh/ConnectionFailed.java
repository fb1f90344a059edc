package dev.upgradetracker.executor.ssh;

import java.io.IOException;

/** The host could not be reached, or the connection dropped: the action may be tried again. */
public class ConnectionFailed extends IOException {

  public ConnectionFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
