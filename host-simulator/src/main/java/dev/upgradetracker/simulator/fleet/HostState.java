package dev.upgradetracker.simulator.fleet;

/** One simulated VM host. */
public record HostState(
    String cluster,
    String name,
    int port,
    String hpuxVersion,
    String ivmVersion,
    String serviceguardVersion,
    boolean up,
    boolean patched,
    boolean backedUp) {

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
        backedUp);
  }

  public HostState withVersions(String hpux, String ivm, String serviceguard) {
    return new HostState(cluster, name, port, hpux, ivm, serviceguard, up, patched, backedUp);
  }

  public HostState markPatched() {
    return new HostState(
        cluster, name, port, hpuxVersion, ivmVersion, serviceguardVersion, up, true, backedUp);
  }

  public HostState markBackedUp() {
    return new HostState(
        cluster, name, port, hpuxVersion, ivmVersion, serviceguardVersion, up, patched, true);
  }

  public boolean runsIntegrityVm4() {
    return ivmVersion.startsWith("B.04") || ivmVersion.compareTo("B.04") > 0;
  }
}
