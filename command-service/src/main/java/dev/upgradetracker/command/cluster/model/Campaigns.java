package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import java.util.List;

/** R9: at most one active campaign drives a cluster. */
final class Campaigns {

  private Campaigns() {}

  static List<ClusterEvent> attach(ClusterCommand.AttachCampaign command, Registered cluster) {
    var campaignId = required(command.campaignId());
    if (campaignId.equals(cluster.activeCampaign())) {
      return List.of();
    }
    if (cluster.activeCampaign() != null) {
      throw new CampaignAlreadyActive(cluster.clusterId(), cluster.activeCampaign(), campaignId);
    }
    return List.of(new CampaignAttached(cluster.clusterId(), campaignId));
  }

  static List<ClusterEvent> detach(ClusterCommand.DetachCampaign command, Registered cluster) {
    var campaignId = required(command.campaignId());
    return campaignId.equals(cluster.activeCampaign())
        ? List.of(new CampaignDetached(cluster.clusterId(), campaignId))
        : List.of();
  }

  private static String required(String campaignId) {
    if (campaignId == null || campaignId.isBlank()) {
      throw new InvalidInput("campaignId", "is required");
    }
    return campaignId;
  }
}
