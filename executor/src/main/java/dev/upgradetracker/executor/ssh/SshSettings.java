package dev.upgradetracker.executor.ssh;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param knownHosts OpenSSH known_hosts: a host whose key is not listed there is never sent a
 *     command
 * @param commandTimeout how long one command may run before it counts as hung
 * @param handshakes how many connections may be in their handshake at once: each costs key
 *     agreement and signatures on both ends, and 500 at once on two cores took 20 s to all finish,
 *     while the hosts already connected waited behind them
 */
@ConfigurationProperties("upgrade-tracker.executor.ssh")
public record SshSettings(
    String user,
    Path privateKey,
    Path knownHosts,
    Duration connectTimeout,
    Duration commandTimeout,
    int handshakes) {

  public SshSettings {
    if (handshakes < 1) {
      throw new IllegalArgumentException(
          "upgrade-tracker.executor.ssh.handshakes must be at least 1, was " + handshakes);
    }
  }
}
