package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import java.util.List;

/** R9: at most one active campaign drives a cluster. */
public final class Campaigns {

  private Campaigns() {}

  static List<ClusterEvent> attach(ClusterCommand.AttachCampaign command, Registered cluster) {
    var campaignId = required(command.campaignId());
    if (cluster.drivenBy(campaignId)) {
      return List.of();
    }
    requireNoOther(cluster, campaignId);
    return List.of(new CampaignAttached(cluster.clusterId(), campaignId));
  }

  /** Refuses campaign {@code campaignId} a cluster another campaign drives. */
  public static void requireNoOther(Registered cluster, String campaignId) {
    var other = cluster.activeCampaign().filter(active -> !active.equals(campaignId));
    if (other.isPresent()) {
      throw new CampaignAlreadyActive(cluster.clusterId(), other.get(), campaignId);
    }
  }

  static List<ClusterEvent> detach(ClusterCommand.DetachCampaign command, Registered cluster) {
    var campaignId = required(command.campaignId());
    return cluster.drivenBy(campaignId)
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
