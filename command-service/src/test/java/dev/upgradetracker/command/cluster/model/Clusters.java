package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.fleet.ClusterBuilder;
import dev.upgradetracker.fleet.Fleets;
import java.time.Instant;
import java.util.List;

/** Test clusters, all on HP-UX 11i v2, Integrity VM A.03.50, Serviceguard A.11.18. */
public final class Clusters {

  private Clusters() {}

  /** Guests as packages: hosts h1, h2; g1, g2 on h1, g3 on h2. */
  public static ClusterSpec twoHostsThreeGuests(String id) {
    return Fleets.cluster(id).localNames().portsFrom(22001).guestsPerHost(2, 1).build();
  }

  /**
   * As {@link #twoHostsThreeGuests}, but hosts {@code <id>-h1}, {@code <id>-h2} at their own names:
   * unique in a fleet, so that many such clusters can be registered beside each other.
   */
  public static ClusterSpec twoOwnHostsThreeGuests(String id) {
    return Fleets.cluster(id).localNames().fleetUniqueHosts().guestsPerHost(2, 1).build();
  }

  /** Guests as packages: hosts h1, h2, h3; g1, g2 on h1, g3 on h2, g4 on h3. */
  public static ClusterSpec threeHostsAsPackages(String id) {
    return Fleets.cluster(id).localNames().portsFrom(22001).guestsPerHost(2, 1, 1).build();
  }

  /**
   * Guests as nodes: hosts h1, h2, h3 with guest nodes n1/n2, n3/n4, n5/n6; package p1 on n1
   * failing over to n3, package p2 on n3 failing over to n5 then n1.
   */
  public static ClusterSpec threeHostsAsNodes(String id, boolean clusterLock) {
    return Fleets.cluster(id)
        .localNames()
        .guestsAsNodes()
        .clusterLock(clusterLock)
        .guestNames("n")
        .portsFrom(22011)
        .guestsPerHost(2, 2, 2)
        .pkg(1, 3)
        .pkg(3, 5, 1)
        .build();
  }

  /** {@code spec} with {@code hosts} in place of its own. */
  public static ClusterSpec withHosts(ClusterSpec spec, List<VmHost> hosts) {
    return new ClusterSpec(
        spec.id(),
        spec.team(),
        spec.topology(),
        spec.clusterLock(),
        List.copyOf(hosts),
        spec.guests(),
        spec.packages(),
        spec.site());
  }

  /** Cluster c1 of team alpha, as given. */
  public static ClusterSpec c1(
      Topology topology,
      boolean clusterLock,
      List<VmHost> hosts,
      List<Guest> guests,
      List<AppPackage> packages) {
    return new ClusterSpec("c1", "alpha", topology, clusterLock, hosts, guests, packages);
  }

  public static VmHost host(String name, int port) {
    return new VmHost(
        name,
        "127.0.0.1:" + port,
        ClusterBuilder.HPUX,
        ClusterBuilder.IVM,
        ClusterBuilder.SERVICEGUARD);
  }

  public static Guest guest(String name, String host) {
    return new Guest(name, host, ClusterBuilder.KIT);
  }

  public static ActionResult result(
      String clusterId, String actionId, ActionStatus status, int exitCode) {
    return new ActionResult(
        actionId,
        clusterId,
        "h1",
        new ActionOutcome(status, exitCode, "output", 12, List.of("cmhaltpkg g1"), "SHA256:abc"),
        Instant.parse("2026-11-25T10:00:00Z"));
  }
}
