package dev.upgradetracker.events.fleet;

public enum Topology {
  /** VM hosts are the Serviceguard nodes; each guest is a package. */
  GUESTS_AS_PACKAGES,
  /** The guests themselves are the Serviceguard nodes. */
  GUESTS_AS_NODES
}
