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
    return acrossSites(shapes(prefix, team, count).toList(), sites);
  }

  /**
   * A fleet's worth of shapes, as {@link #mixedAcrossSites} spreads them over sites: {@code count}
   * clusters taking turns through six shapes of three to five hosts and four to twenty guests, both
   * topologies. Guests as packages: 2+1+1, 3+3+2+2 and 4 on each of five hosts. Guests as nodes:
   * two on each of three hosts with two packages, two on each of four hosts with a package per
   * guest, three on each of five hosts with three packages.
   */
  public static List<ClusterSpec> atScale(String prefix, String team, int count, int sites) {
    var clusters =
        IntStream.range(0, count)
            .mapToObj(i -> scaleShape(cluster(prefix + i).team(team), i % 6))
            .toList();
    return acrossSites(clusters, sites);
  }

  private static ClusterBuilder scaleShape(ClusterBuilder cluster, int shape) {
    return switch (shape) {
      case 0 -> cluster.guestsPerHost(2, 1, 1);
      case 1 -> cluster.guestsAsNodes().guestsPerHost(2, 2, 2).pkg(1, 3, 5).pkg(3, 5, 1);
      case 2 -> cluster.guestsPerHost(3, 3, 2, 2);
      case 3 -> cluster.guestsAsNodes().guestsPerHost(2, 2, 2, 2).packagePerGuest();
      case 4 -> cluster.guestsPerHost(4, 4, 4, 4, 4);
      default ->
          cluster
              .guestsAsNodes()
              .guestsPerHost(3, 3, 3, 3, 3)
              .pkg(1, 4, 7)
              .pkg(4, 7, 10)
              .pkg(7, 10, 13);
    };
  }

  private static List<ClusterSpec> acrossSites(List<ClusterBuilder> clusters, int sites) {
    return IntStream.range(0, clusters.size())
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
