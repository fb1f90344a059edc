package dev.upgradetracker.simulator.fleet;

/**
 * One simulated VM host. {@code depot}: the only depot server its {@code update-ux} and {@code
 * swinstall} can reach (null: any), as a site's network allows.
 */
public record HostState(
    String cluster,
    String name,
    int port,
    String hpuxVersion,
    String ivmVersion,
    String serviceguardVersion,
    boolean up,
    boolean patched,
    boolean backedUp,
    String depot) {

  HostState withPort(int newPort) {
    return new HostState(
        cluster,
        name,
        newPort,
        hpuxVersion,
        ivmVersion,
        serviceguardVersion,
        up,
        patched,
        backedUp,
        depot);
  }

  public HostState withVersions(String hpux, String ivm, String serviceguard) {
    return changed(hpux, ivm, serviceguard, patched, backedUp);
  }

  public HostState markPatched() {
    return changed(hpuxVersion, ivmVersion, serviceguardVersion, true, backedUp);
  }

  public HostState markBackedUp() {
    return changed(hpuxVersion, ivmVersion, serviceguardVersion, patched, true);
  }

  /** The same host, its software and what was done to it as given. */
  private HostState changed(
      String hpux, String ivm, String serviceguard, boolean nowPatched, boolean nowBackedUp) {
    return new HostState(
        cluster, name, port, hpux, ivm, serviceguard, up, nowPatched, nowBackedUp, depot);
  }

  public boolean runsIntegrityVm4() {
    return ivmVersion.startsWith("B.04") || ivmVersion.compareTo("B.04") > 0;
  }
}
