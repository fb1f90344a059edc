package dev.upgradetracker.executor.ssh;

import java.io.IOException;

/** An open SSH connection to one host, running one command at a time. */
public interface HostSession extends AutoCloseable {

  CommandOutput run(String commandLine) throws IOException;

  /** The host key's fingerprint as verified against known_hosts. */
  String hostKeyFingerprint();

  @Override
  void close();
}
