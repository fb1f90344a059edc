package dev.upgradetracker.query.team;

import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.cluster.ClusterView;

/**
 * What one cluster adds to its team's summary. Small on purpose: each cluster change sends the old
 * and the new tally through a repartition topic to the team's instance.
 */
public record ClusterTally(
    String team,
    ClusterPhase phase,
    int hosts,
    int hostsOnIvm4,
    int hostsUpgrading,
    int guests,
    int guestKits4Installed,
    int actionsRunning,
    int failures) {

  public static ClusterTally of(ClusterView view) {
    return new ClusterTally(
        view.team(),
        view.progress().phase(),
        view.hosts().size(),
        view.hostsOnIntegrityVm4(),
        (int) view.hosts().stream().filter(ClusterView.HostView::upgrading).count(),
        view.guests().size(),
        view.guestsWithKit4(),
        (int) view.actions().stream().filter(ClusterView.ActionView::awaited).count(),
        view.progress().failuresTotal());
  }
}
