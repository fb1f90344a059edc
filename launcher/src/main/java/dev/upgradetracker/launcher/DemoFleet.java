package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.ArrayList;
import java.util.List;

/**
 * A small fleet still on Integrity VM 3.50 / HP-UX 11i v2: every third cluster runs its guests as
 * Serviceguard nodes, the others as packages; three hosts and two guests per host each.
 */
final class DemoFleet {

  private static final String[] TEAMS = {"alpha", "bravo", "charlie"};

  private DemoFleet() {}

  static Fleet of(int clusters, int basePort) {
    var specs = new ArrayList<ClusterSpec>();
    int port = basePort;
    for (int c = 1; c <= clusters; c++) {
      var id = String.format("demo-%02d", c);
      var hosts = new ArrayList<VmHost>();
      var guests = new ArrayList<Guest>();
      for (int h = 1; h <= 3; h++) {
        var host = id + "-vmh" + h;
        hosts.add(new VmHost(host, "127.0.0.1:" + port++, "B.11.23", "A.03.50", "A.11.18"));
        for (int g = 1; g <= 2; g++) {
          guests.add(new Guest(id + "-g" + ((h - 1) * 2 + g), host, "A.03.50"));
        }
      }
      var topology = c % 3 == 0 ? Topology.GUESTS_AS_NODES : Topology.GUESTS_AS_PACKAGES;
      specs.add(
          new ClusterSpec(
              id,
              TEAMS[(c - 1) % TEAMS.length],
              topology,
              true,
              List.copyOf(hosts),
              List.copyOf(guests),
              packages(topology, guests)));
    }
    return new Fleet(List.copyOf(specs));
  }

  /** Guests as nodes: one application package per guest, failing over to guests on other hosts. */
  private static List<AppPackage> packages(Topology topology, List<Guest> guests) {
    if (topology != Topology.GUESTS_AS_NODES) {
      return List.of();
    }
    return guests.stream()
        .map(
            g ->
                new AppPackage(
                    g.name() + "-app",
                    g.name(),
                    guests.stream()
                        .filter(other -> !other.host().equals(g.host()))
                        .map(Guest::name)
                        .toList()))
        .toList();
  }
}
