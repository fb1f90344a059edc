package dev.upgradetracker.command.cluster;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.time.Instant;
import java.util.List;

/** Test fleets: cluster {@code id} with hosts h1, h2 and guests g1, g2 on h1, g3 on h2. */
public final class Clusters {

  private Clusters() {}

  public static ClusterSpec twoHostsThreeGuests(String id) {
    return new ClusterSpec(
        id,
        "alpha",
        Topology.GUESTS_AS_PACKAGES,
        List.of(host("h1", 22001), host("h2", 22002)),
        List.of(
            new Guest("g1", "h1", "A.03.50"),
            new Guest("g2", "h1", "A.03.50"),
            new Guest("g3", "h2", "A.03.50")));
  }

  public static VmHost host(String name, int port) {
    return new VmHost(name, "127.0.0.1:" + port, "B.11.23", "A.03.50", "A.11.18");
  }

  public static ActionResult result(String clusterId, String actionId, ActionStatus status, int exitCode) {
    return new ActionResult(
        actionId,
        clusterId,
        "h1",
        new ActionOutcome(status, exitCode, "output", 12, List.of("cmhaltpkg g1"), "SHA256:abc"),
        Instant.parse("2026-11-25T10:00:00Z"));
  }
}
