package dev.upgradetracker.executor.ssh;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param knownHosts OpenSSH known_hosts: a host whose key is not listed there is never sent a
 *     command
 * @param commandTimeout how long one command may run before it counts as hung
 */
@ConfigurationProperties("upgrade-tracker.executor.ssh")
public record SshSettings(
    String user,
    Path privateKey,
    Path knownHosts,
    Duration connectTimeout,
    Duration commandTimeout) {}
