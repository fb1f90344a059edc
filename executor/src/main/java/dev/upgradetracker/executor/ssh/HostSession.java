package dev.upgradetracker.executor.ssh;

import java.io.IOException;

/** A connection to one host, running one command at a time. */
public interface HostSession {

  /**
   * Runs a command to its end.
   *
   * @throws ConnectionFailed the connection dropped: the command may or may not have run
   * @throws CommandTimedOut the command outlived its timeout
   */
  CommandOutput run(String commandLine) throws IOException;

  /** The host key's fingerprint as verified against known_hosts. */
  String hostKeyFingerprint();
}
