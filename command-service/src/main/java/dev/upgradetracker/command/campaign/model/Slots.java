package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Slot;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordSlotGranted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeSlotGranted;

/**
 * Upgrade slots: a node's upgrade waits until its depot and site have room (the fleet's budget,
 * shared by every campaign); the campaign records the wait and goes on once the slot is granted.
 * Reports about another step, or repeated, change nothing.
 */
final class Slots {

  private Slots() {}

  static Decision awaiting(RecordAwaitingSlot report, Started campaign) {
    var run = campaign.clusters().get(report.clusterId());
    var decision = Decision.in(campaign);
    return run != null && report.stepId().equals(run.stepInFlight())
        ? decision.then(
            new ClusterAwaitingSlot(
                campaign.campaignId(),
                run.clusterId(),
                report.stepId(),
                report.host(),
                report.usage()))
        : decision;
  }

  static Decision granted(RecordSlotGranted report, Started campaign) {
    var run = campaign.clusters().get(report.clusterId());
    var decision = Decision.in(campaign);
    boolean waitsForIt =
        run != null
            && (report.stepId().equals(run.stepInFlight())
                || run.waiting() instanceof Slot slot && slot.host().equals(report.host()));
    if (!waitsForIt || run.slottedHosts().contains(report.host())) {
      return decision;
    }
    var slotted =
        decision.then(
            new NodeUpgradeSlotGranted(campaign.campaignId(), run.clusterId(), report.host()));
    return Progression.authorize(slotted, run.clusterId(), report.now());
  }
}
