package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.cluster.model.Campaigns;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.cluster.model.Planner;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.util.List;

/** What a campaign's clusters must be before it starts: all of them, or nothing starts. */
public final class CampaignClusters {

  private CampaignClusters() {}

  /**
   * Each cluster belongs to {@code team} (R8), is driven by no other campaign (R9) and has a plan
   * that satisfies every rule.
   */
  public static void check(
      List<Registered> clusters, String team, String campaignId, UpgradeMode mode) {
    for (var cluster : clusters) {
      Ownership.require("cluster", cluster.clusterId(), cluster.team(), team);
      Campaigns.requireNoOther(cluster, campaignId);
      Planner.plan(cluster, mode);
    }
  }
}
