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

  /**
   * This session, running commands on behalf of the host action {@code actionId}: where it can, it
   * tells the host (the command's environment variable {@code UT_ACTION_ID}, which an SSH server
   * keeps when it accepts it, e.g. OpenSSH's {@code AcceptEnv UT_ACTION_ID}), so the host's own
   * records name the action behind each command.
   */
  HostSession forAction(String actionId);
}
