package dev.upgradetracker.simulator.fleet;

/** An application package of a GUESTS_AS_NODES cluster, running on a guest node. */
public record PackageState(String cluster, String name, String node, boolean running) {

  public PackageState halted() {
    return new PackageState(cluster, name, "", false);
  }

  public PackageState runningOn(String guest) {
    return new PackageState(cluster, name, guest, true);
  }
}
