package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.ClusterRun;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.OutOfOrder;

/** Finding the cluster an operator's command is about, refused when it cannot take it. */
final class Runs {

  private Runs() {}

  static ClusterRun of(Started campaign, String clusterId) {
    var run = campaign.clusters().get(clusterId);
    if (run == null) {
      throw new NotFound("cluster in campaign " + campaign.campaignId(), clusterId);
    }
    return run;
  }

  static ClusterRun failed(Started campaign, String clusterId) {
    requireNotEnded(campaign);
    var run = of(campaign, clusterId);
    if (run.phase() != Phase.FAILED) {
      throw new OutOfOrder(
          "cluster " + clusterId + " has no failed step (it is " + run.phase() + ")");
    }
    return run;
  }

  static void requireNotEnded(Started campaign) {
    if (campaign.ended()) {
      throw ended(campaign);
    }
  }

  static OutOfOrder ended(Started campaign) {
    return new OutOfOrder(
        "campaign "
            + campaign.campaignId()
            + " is "
            + campaign.status()
            + "; it takes no commands");
  }
}
