package dev.upgradetracker.query.cluster;

import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.query.cluster.ClusterProgress.CurrentStep;
import java.time.Instant;

/** A cluster as a fleet-wide list shows it. */
public record ClusterSummary(
    String clusterId,
    String team,
    Topology topology,
    ClusterPhase phase,
    int hosts,
    int hostsOnIvm4,
    int guests,
    int guestKits4Installed,
    int stepsDone,
    int stepsTotal,
    CurrentStep currentStep,
    Instant eta,
    int failures,
    Instant lastEventAt) {

  static ClusterSummary of(ClusterView view) {
    var progress = view.progress();
    return new ClusterSummary(
        view.clusterId(),
        view.team(),
        view.topology(),
        progress.phase(),
        view.hosts().size(),
        view.hostsOnIntegrityVm4(),
        view.guests().size(),
        view.guestsWithKit4(),
        progress.stepsDone(),
        progress.stepsTotal(),
        progress.currentStep(),
        progress.eta(),
        progress.failuresTotal(),
        view.lastEventAt());
  }
}
