package dev.upgradetracker.fleet;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Fleets for the demo, the tests and the benchmarks, built one way. */
public final class Fleets {

  private Fleets() {}

  /** A cluster to shape: by default team alpha, guests as packages, two hosts, one guest. */
  public static ClusterBuilder cluster(String id) {
    return new ClusterBuilder(id);
  }

  public static Fleet of(ClusterSpec... clusters) {
    return new Fleet(List.of(clusters));
  }

  /**
   * {@code count} clusters {@code <prefix>1..count} of both topologies taking turns, each with
   * three or four hosts, every one upgradable by a campaign without breaking a rule. Guests as
   * packages: two guests on the first host, one on each other. Guests as nodes: two guest nodes per
   * host on three hosts, one per host on four (halting one host's guests keeps a majority, R6),
   * with two application packages.
   */
  public static List<ClusterSpec> mixed(String prefix, String team, int count) {
    return shapes(prefix, team, count).map(ClusterBuilder::build).toList();
  }

  /**
   * As {@link #mixed}, the clusters spread over {@code sites} sites taking turns, cluster {@code i}
   * at site {@code site-<i mod sites>}, its hosts installing from that site's depot {@code depot-<i
   * mod sites>}.
   */
  public static List<ClusterSpec> mixedAcrossSites(
      String prefix, String team, int count, int sites) {
    var clusters = shapes(prefix, team, count).toList();
    return IntStream.range(0, count)
        .mapToObj(i -> clusters.get(i).at("site-" + i % sites, "depot-" + i % sites).build())
        .toList();
  }

  private static Stream<ClusterBuilder> shapes(String prefix, String team, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              int hosts = 3 + i % 4 / 2;
              var cluster = cluster(prefix + i).team(team);
              return i % 2 == 0
                  ? cluster.guestsPerHost(hosts == 3 ? new int[] {2, 1, 1} : new int[] {2, 1, 1, 1})
                  : cluster
                      .guestsAsNodes()
                      .guestsPerHost(hosts == 3 ? new int[] {2, 2, 2} : new int[] {1, 1, 1, 1})
                      .pkg(1, hosts == 3 ? 3 : 2, hosts == 3 ? 5 : 3)
                      .pkg(hosts == 3 ? 3 : 2, hosts == 3 ? 5 : 3, 1);
            });
  }
}
