package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Status;
import dev.upgradetracker.command.campaign.model.CampaignState.Window;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import java.time.Instant;

/**
 * How a running campaign goes on: clusters are taken up while places are free, and a running
 * cluster with nothing in flight gets its next step authorized inside the maintenance window.
 */
final class Progression {

  private Progression() {}

  /** Takes up pending clusters while places are free. */
  static Decision admit(Decision decision, Instant now) {
    var max = decision.campaign().options().maxClustersInProgress();
    while (decision.campaign().status() == Status.RUNNING
        && decision.campaign().count(Phase.RUNNING) < max) {
      var next =
          decision.campaign().clusters().values().stream()
              .filter(run -> run.phase() == Phase.PENDING)
              .findFirst();
      if (next.isEmpty()) {
        return decision;
      }
      var clusterId = next.get().clusterId();
      decision =
          authorize(
              decision.then(new ClusterAdmitted(decision.campaign().campaignId(), clusterId)),
              clusterId,
              now);
    }
    return decision;
  }

  /** Every running cluster with nothing in flight takes its next step (after pause, window). */
  static Decision authorizeIdle(Decision decision, Instant now) {
    for (var clusterId : decision.campaign().clusters().keySet()) {
      decision = authorize(decision, clusterId, now);
    }
    return decision;
  }

  /** After a pause or a stop: idle clusters go on, free places are taken. */
  static Decision goOn(Decision decision, Instant now) {
    return admit(authorizeIdle(decision, now), now);
  }

  static Decision authorize(Decision decision, String clusterId, Instant now) {
    var campaign = decision.campaign();
    var run = campaign.clusters().get(clusterId);
    if (campaign.status() != Status.RUNNING || !run.idle()) {
      return decision;
    }
    var options = campaign.options();
    if (!Windows.isOpen(options.maintenanceWindow(), now)) {
      var opensAt = Windows.nextOpening(options.maintenanceWindow(), now);
      return run.waiting() instanceof Window window && window.opensAt().equals(opensAt)
          ? decision
          : decision.then(new ClusterWaitingForWindow(campaign.campaignId(), clusterId, opensAt));
    }
    return decision.then(
        new StepAuthorized(
            campaign.campaignId(),
            clusterId,
            campaign.campaignId() + "/" + clusterId + "/" + (run.stepsAuthorized() + 1),
            options.mode(),
            options.approvalGates(),
            run.approvedHosts(),
            options.stepTimeout(),
            run.slottedHosts()));
  }
}
