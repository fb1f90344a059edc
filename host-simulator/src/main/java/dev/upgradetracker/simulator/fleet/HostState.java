package dev.upgradetracker.simulator.fleet;

/** One simulated VM host: a Serviceguard node of its cluster. */
public record HostState(
    String cluster,
    String name,
    int port,
    String hpuxVersion,
    String ivmVersion,
    String serviceguardVersion,
    boolean up) {

  HostState withPort(int newPort) {
    return new HostState(cluster, name, newPort, hpuxVersion, ivmVersion, serviceguardVersion, up);
  }
}
