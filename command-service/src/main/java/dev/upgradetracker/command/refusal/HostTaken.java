package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** A host is in at most one cluster, and an address names at most one host. */
public final class HostTaken extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  private HostTaken(String message, Map<String, Object> facts) {
    super(message, facts);
  }

  public static HostTaken inCluster(String host, String clusterId, String doing) {
    return new HostTaken(
        "host " + host + " is in cluster " + clusterId + "; " + doing,
        Map.of("host", host, "clusterId", clusterId));
  }

  public static HostTaken addressOf(String otherHost, String sshAddress) {
    return new HostTaken(
        "address " + sshAddress + " is assigned to host " + otherHost,
        Map.of("host", otherHost, "sshAddress", sshAddress));
  }
}
