package dev.upgradetracker.query.team;

import dev.upgradetracker.query.cluster.ClusterPhase;
import java.util.EnumMap;
import java.util.Map;

/**
 * A team's fleet at a glance. Kept as a running sum: each cluster change subtracts the cluster's
 * previous tally and adds its new one. {@code updates} counts changes (a live subscriber's
 * position).
 */
public record TeamSummary(
    String team,
    int clusters,
    Map<ClusterPhase, Integer> clustersByPhase,
    int hosts,
    int hostsOnIvm4,
    int hostsOnIvm3,
    int hostsUpgrading,
    int guests,
    int guestKits4Installed,
    int actionsRunning,
    int failures,
    long updates) {

  /** The Kafka Streams store this view is kept in. */
  public static final String STORE = "team-summaries";

  public static final TeamSummary NONE =
      new TeamSummary(null, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * The summary's content: the same but for its change count, which depends on how the changes were
   * batched (a rebuild batches them differently from the live views).
   */
  public TeamSummary withoutUpdateCount() {
    return new TeamSummary(
        team,
        clusters,
        clustersByPhase,
        hosts,
        hostsOnIvm4,
        hostsOnIvm3,
        hostsUpgrading,
        guests,
        guestKits4Installed,
        actionsRunning,
        failures,
        0);
  }

  public TeamSummary add(String ofTeam, ClusterTally cluster) {
    return combine(ofTeam, cluster, 1, 1);
  }

  public TeamSummary subtract(String ofTeam, ClusterTally cluster) {
    return combine(ofTeam, cluster, -1, 0);
  }

  private TeamSummary combine(String ofTeam, ClusterTally cluster, int sign, int update) {
    var phases = new EnumMap<ClusterPhase, Integer>(ClusterPhase.class);
    phases.putAll(clustersByPhase);
    phases.merge(cluster.phase(), sign, Integer::sum);
    phases.values().removeIf(n -> n == 0);
    return new TeamSummary(
        ofTeam,
        clusters + sign,
        Map.copyOf(phases),
        hosts + sign * cluster.hosts(),
        hostsOnIvm4 + sign * cluster.hostsOnIvm4(),
        hostsOnIvm3 + sign * (cluster.hosts() - cluster.hostsOnIvm4()),
        hostsUpgrading + sign * cluster.hostsUpgrading(),
        guests + sign * cluster.guests(),
        guestKits4Installed + sign * cluster.guestKits4Installed(),
        actionsRunning + sign * cluster.actionsRunning(),
        failures + sign * cluster.failures(),
        updates + update);
  }
}
