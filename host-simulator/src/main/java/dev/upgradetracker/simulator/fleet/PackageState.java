package dev.upgradetracker.simulator.fleet;

/**
 * An application package of a GUESTS_AS_NODES cluster, running on a guest node; {@code autorun}:
 * its switching is enabled ({@code cmhaltpkg} disables it, {@code cmmodpkg -e} enables it).
 */
public record PackageState(
    String cluster, String name, String node, boolean running, boolean autorun) {

  public PackageState halted() {
    return new PackageState(cluster, name, "", false, false);
  }

  public PackageState runningOn(String guest) {
    return new PackageState(cluster, name, guest, true, autorun);
  }

  public PackageState withAutorun(boolean enabled) {
    return new PackageState(cluster, name, node, running, enabled);
  }
}
