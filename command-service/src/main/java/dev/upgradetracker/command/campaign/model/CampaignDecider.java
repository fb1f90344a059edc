package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.NotStarted;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.AbortCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.OpenWindow;
import dev.upgradetracker.events.campaign.CampaignCommand.PauseCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostReached;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordSlotGranted;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepOverdue;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.campaign.CampaignCommand.ResumeCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RetryStep;
import dev.upgradetracker.events.campaign.CampaignCommand.SkipStep;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignEvent;
import java.util.List;

/**
 * The Campaign aggregate's rules, pure: which clusters go on, when, and what a failure does. What
 * step a cluster takes is the cluster's own decision; the campaign only authorizes the next one.
 * Each concern lives in a class of its own; this one dispatches.
 */
public final class CampaignDecider {

  private CampaignDecider() {}

  /**
   * As {@link #decide(CampaignCommand, CampaignState)}, asked by team {@code actingTeam} (null: the
   * system itself, e.g. the campaign driver), which must own the campaign (R8).
   */
  public static List<CampaignEvent> decide(
      CampaignCommand command, CampaignState state, String actingTeam) {
    var owner =
        switch (state) {
          case Started started -> started.team();
          case NotStarted notStarted ->
              command instanceof StartCampaign start ? start.team() : null;
        };
    if (actingTeam != null && owner != null) {
      Ownership.require("campaign", command.campaignId(), owner, actingTeam);
    }
    return decide(command, state);
  }

  /** The events a command causes in {@code state}, or a {@code CommandRefused} thrown. */
  public static List<CampaignEvent> decide(CampaignCommand command, CampaignState state) {
    return switch (state) {
      case NotStarted notStarted when command instanceof StartCampaign start ->
          Controls.start(start, notStarted).events();
      case NotStarted notStarted -> throw new NotFound("campaign", command.campaignId());
      case Started campaign -> decide(command, campaign).events();
    };
  }

  private static Decision decide(CampaignCommand command, Started campaign) {
    return switch (command) {
      case StartCampaign start -> throw new AlreadyExists("campaign", start.campaignId());
      case PauseCampaign pause -> Controls.pause(pause, campaign);
      case ResumeCampaign resume -> Controls.resume(resume, campaign);
      case AbortCampaign abort -> Controls.abort(abort, campaign);
      case RetryStep retry -> Failures.retry(retry, campaign);
      case SkipStep skip -> Failures.skip(skip, campaign);
      case ApproveNodeUpgrade approve -> Approvals.approve(approve, campaign);
      case RecordAwaitingApproval awaiting -> Approvals.awaiting(awaiting, campaign);
      case RecordAwaitingSlot awaiting -> Slots.awaiting(awaiting, campaign);
      case RecordSlotGranted granted -> Slots.granted(granted, campaign);
      case OpenWindow open -> Progression.authorizeIdle(Decision.in(campaign), open.now());
      case RecordStepFinished finished -> Reports.stepFinished(finished, campaign);
      case RecordStepOverdue overdue -> Reports.stepOverdue(overdue, campaign);
      case RecordStepStarted started -> Reports.stepStarted(started, campaign);
      case RecordHostUnreachable unreachable -> Reports.hostUnreachable(unreachable, campaign);
      case RecordHostReached reached -> Reports.hostReached(reached, campaign);
      case RecordClusterFinished finished -> Reports.clusterFinished(finished, campaign);
    };
  }

  public static CampaignState evolve(CampaignState state, CampaignEvent event) {
    return CampaignEvolution.evolve(state, event);
  }
}
