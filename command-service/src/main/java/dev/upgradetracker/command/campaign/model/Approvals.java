package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Approval;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeApproved;

/** Approval gates: a cluster waits before a node's upgrade until a team member approves it. */
final class Approvals {

  private Approvals() {}

  static Decision awaiting(RecordAwaitingApproval report, Started campaign) {
    var run = campaign.clusters().get(report.clusterId());
    var decision = Decision.in(campaign);
    return run != null && report.stepId().equals(run.stepInFlight())
        ? decision.then(
            new ClusterAwaitingApproval(
                campaign.campaignId(), run.clusterId(), report.stepId(), report.host()))
        : decision;
  }

  static Decision approve(ApproveNodeUpgrade command, Started campaign) {
    Runs.requireNotEnded(campaign);
    var run = Runs.of(campaign, command.clusterId());
    if (!(run.waiting() instanceof Approval approval) || !approval.host().equals(command.host())) {
      throw new OutOfOrder(
          "cluster "
              + run.clusterId()
              + " is not waiting for approval to upgrade "
              + command.host()
              + (run.waiting() instanceof Approval other
                  ? " (it waits for " + other.host() + ")"
                  : ""));
    }
    var approved =
        Decision.in(campaign)
            .then(new NodeUpgradeApproved(campaign.campaignId(), run.clusterId(), command.host()));
    return Progression.authorize(approved, run.clusterId(), command.now());
  }
}
