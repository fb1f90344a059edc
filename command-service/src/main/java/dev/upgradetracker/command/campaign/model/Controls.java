package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.ClusterRun;
import dev.upgradetracker.command.campaign.model.CampaignState.NotStarted;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.campaign.CampaignCommand.AbortCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.PauseCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ResumeCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import java.util.LinkedHashMap;

/** An operator starts, pauses, resumes and aborts a campaign. */
final class Controls {

  private Controls() {}

  static Decision start(StartCampaign command, NotStarted state) {
    CampaignValidation.validate(command);
    var started =
        Decision.in(state)
            .then(
                new CampaignStarted(
                    command.campaignId(), command.team(), command.clusterIds(), command.options()));
    return Progression.admit(started, command.now());
  }

  static Decision pause(PauseCampaign command, Started campaign) {
    var decision = Decision.in(campaign);
    return switch (campaign.status()) {
      case RUNNING, STOPPED -> decision.then(new CampaignPaused(command.campaignId()));
      case PAUSED -> decision;
      case ABORTED, COMPLETED -> throw Runs.ended(campaign);
    };
  }

  static Decision resume(ResumeCampaign command, Started campaign) {
    var decision = Decision.in(campaign);
    return switch (campaign.status()) {
      case PAUSED, STOPPED ->
          Progression.goOn(decision.then(new CampaignResumed(command.campaignId())), command.now());
      case RUNNING -> decision;
      case ABORTED, COMPLETED -> throw Runs.ended(campaign);
    };
  }

  static Decision abort(AbortCampaign command, Started campaign) {
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidInput("reason", "is required: an abort is recorded for auditors");
    }
    var decision = Decision.in(campaign);
    return switch (campaign.status()) {
      case ABORTED -> decision;
      case COMPLETED -> throw Runs.ended(campaign);
      case RUNNING, PAUSED, STOPPED -> decision.then(aborted(command, campaign));
    };
  }

  /** Records which clusters were left unfinished and which steps were still running. */
  private static CampaignAborted aborted(AbortCampaign command, Started campaign) {
    var unfinished =
        campaign.clusters().values().stream()
            .filter(run -> run.phase() != Phase.DONE)
            .map(ClusterRun::clusterId)
            .toList();
    var running = new LinkedHashMap<String, String>();
    campaign.clusters().values().stream()
        .filter(run -> run.stepInFlight() != null)
        .forEach(run -> running.put(run.clusterId(), run.stepInFlight()));
    return new CampaignAborted(campaign.campaignId(), command.reason(), unfinished, running);
  }
}
