package dev.upgradetracker.query.team;

import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.cluster.ClusterView;
import java.util.EnumMap;
import java.util.Map;

/**
 * A team's fleet at a glance. Kept as a running sum: each cluster change subtracts the cluster's
 * previous view and adds its new one. {@code updates} counts changes (a live subscriber's
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

  public static final TeamSummary NONE =
      new TeamSummary(null, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public TeamSummary add(String ofTeam, ClusterView view) {
    return combine(ofTeam, view, 1, 1);
  }

  public TeamSummary subtract(String ofTeam, ClusterView view) {
    return combine(ofTeam, view, -1, 0);
  }

  private TeamSummary combine(String ofTeam, ClusterView view, int sign, int update) {
    var phases = new EnumMap<ClusterPhase, Integer>(ClusterPhase.class);
    phases.putAll(clustersByPhase);
    phases.merge(view.progress().phase(), sign, Integer::sum);
    phases.values().removeIf(n -> n == 0);
    int onIvm4 = (int) view.hosts().stream().filter(ClusterView.HostView::onIntegrityVm4).count();
    int upgrading = (int) view.hosts().stream().filter(ClusterView.HostView::upgrading).count();
    int kits = (int) view.guests().stream().filter(ClusterView.GuestView::hasKit4).count();
    int running = (int) view.actions().stream().filter(a -> "REQUESTED".equals(a.status())).count();
    return new TeamSummary(
        ofTeam,
        clusters + sign,
        Map.copyOf(phases),
        hosts + sign * view.hosts().size(),
        hostsOnIvm4 + sign * onIvm4,
        hostsOnIvm3 + sign * (view.hosts().size() - onIvm4),
        hostsUpgrading + sign * upgrading,
        guests + sign * view.guests().size(),
        guestKits4Installed + sign * kits,
        actionsRunning + sign * running,
        failures + sign * view.progress().failuresTotal(),
        updates + update);
  }
}
