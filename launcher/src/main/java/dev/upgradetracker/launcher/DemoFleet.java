package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.fleet.Fleets;
import java.util.stream.IntStream;

/**
 * A small fleet still on Integrity VM 3.50 / HP-UX 11i v2: every third cluster runs its guests as
 * Serviceguard nodes (one application package per guest), the others as packages; three hosts and
 * two guests per host each, each cluster with a lock, teams taking turns, the clusters split over
 * two sites, each with its own depot server.
 */
final class DemoFleet {

  private static final String[] TEAMS = {"alpha", "bravo", "charlie"};
  private static final String[] SITES = {"north", "south"};

  private DemoFleet() {}

  static Fleet of(int clusters, int basePort) {
    return new Fleet(
        IntStream.rangeClosed(1, clusters)
            .mapToObj(
                c -> {
                  var cluster =
                      Fleets.cluster(String.format("demo-%02d", c))
                          .team(TEAMS[(c - 1) % TEAMS.length])
                          .at(SITES[(c - 1) % 2], "depot-" + SITES[(c - 1) % 2])
                          .clusterLock(true)
                          .hostNames("vmh")
                          .guestsPerHost(2, 2, 2)
                          .portsFrom(basePort + (c - 1) * 3);
                  return c % 3 == 0
                      ? cluster.topology(Topology.GUESTS_AS_NODES).packagePerGuest().build()
                      : cluster.build();
                })
            .toList());
  }
}
