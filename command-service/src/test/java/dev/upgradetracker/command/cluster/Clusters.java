package dev.upgradetracker.command.cluster;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.time.Instant;
import java.util.List;

/** Test clusters, all on HP-UX 11i v2, Integrity VM A.03.50, Serviceguard A.11.18. */
public final class Clusters {

  private Clusters() {}

  /** Guests as packages: hosts h1, h2 (and h3); g1, g2 on h1, g3 on h2. */
  public static ClusterSpec twoHostsThreeGuests(String id) {
    return new ClusterSpec(
        id,
        "alpha",
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(host("h1", 22001), host("h2", 22002)),
        List.of(guest("g1", "h1"), guest("g2", "h1"), guest("g3", "h2")),
        List.of());
  }

  public static ClusterSpec threeHostsAsPackages(String id) {
    return new ClusterSpec(
        id,
        "alpha",
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(host("h1", 22001), host("h2", 22002), host("h3", 22003)),
        List.of(guest("g1", "h1"), guest("g2", "h1"), guest("g3", "h2"), guest("g4", "h3")),
        List.of());
  }

  /**
   * Guests as nodes: hosts h1, h2, h3 with guest nodes n1/n2, n3/n4, n5/n6; package p1 on n1
   * failing over to n3, package p2 on n3 failing over to n5 then n1.
   */
  public static ClusterSpec threeHostsAsNodes(String id, boolean clusterLock) {
    return new ClusterSpec(
        id,
        "alpha",
        Topology.GUESTS_AS_NODES,
        clusterLock,
        List.of(host("h1", 22011), host("h2", 22012), host("h3", 22013)),
        List.of(
            guest("n1", "h1"),
            guest("n2", "h1"),
            guest("n3", "h2"),
            guest("n4", "h2"),
            guest("n5", "h3"),
            guest("n6", "h3")),
        List.of(
            new AppPackage("p1", "n1", List.of("n3")),
            new AppPackage("p2", "n3", List.of("n5", "n1"))));
  }

  public static VmHost host(String name, int port) {
    return new VmHost(name, "127.0.0.1:" + port, "B.11.23", "A.03.50", "A.11.18");
  }

  public static Guest guest(String name, String host) {
    return new Guest(name, host, "A.03.50");
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
