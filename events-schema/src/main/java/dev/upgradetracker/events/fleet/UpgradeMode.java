package dev.upgradetracker.events.fleet;

public enum UpgradeMode {
  /**
   * {@code update-ux} to HP-UX 11i v3, then the Integrity VM 4.0 bundle: the node stays a member.
   */
  UPDATE,
  /**
   * A cold install: device files change, so the node leaves the cluster and can rejoin only by a
   * cluster reconfiguration, which R7 allows once no host runs Integrity VM 3.x any more.
   */
  COLD_MIGRATE
}
