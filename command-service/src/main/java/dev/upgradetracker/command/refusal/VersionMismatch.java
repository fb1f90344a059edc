package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/**
 * The command was sent with {@code If-Match} for a version the cluster or campaign has moved past
 * (or not reached): nothing was written. The caller reads the current state and decides again.
 */
public final class VersionMismatch extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * Refuses unless the aggregate is at the version the command expects ({@code null}: any; a {@code
   * null} current version: no event yet).
   */
  public static void unlessAt(String id, Long expectedVersion, Long currentVersion) {
    long current = currentVersion == null ? -1 : currentVersion;
    if (expectedVersion != null && expectedVersion != current) {
      throw new VersionMismatch(id, expectedVersion, current);
    }
  }

  public VersionMismatch(String id, long expectedVersion, long currentVersion) {
    super(
        id
            + " is at version "
            + currentVersion
            + ", not "
            + expectedVersion
            + " as If-Match says; nothing was written: read it again and decide",
        Map.of("id", id, "expectedVersion", expectedVersion, "currentVersion", currentVersion));
  }
}
