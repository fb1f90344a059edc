package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/**
 * Another process kept changing the cluster while this command was retried: nothing of it was
 * written. {@code currentVersion} is the cluster's last event position when it gave up.
 */
public final class ConcurrentChange extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public ConcurrentChange(String clusterId, long currentVersion) {
    super(
        "cluster "
            + clusterId
            + " was changed by other commands at the same moment, even after retries; nothing was written, send the command again",
        Map.of("clusterId", clusterId, "currentVersion", currentVersion));
  }
}
