package dev.upgradetracker.simulator.fleet;

/**
 * One simulated guest, run as a Serviceguard package: {@code node} is where it runs (empty while
 * halted), {@code autorun} is the package's global switching.
 */
public record GuestState(
    String cluster, String name, String node, boolean running, boolean autorun, String kitVersion) {

  public GuestState haltedPackage() {
    return new GuestState(cluster, name, "", false, autorun, kitVersion);
  }

  public GuestState runningOn(String newNode) {
    return new GuestState(cluster, name, newNode, true, autorun, kitVersion);
  }

  public GuestState withAutorun(boolean enabled) {
    return new GuestState(cluster, name, node, running, enabled, kitVersion);
  }
}
