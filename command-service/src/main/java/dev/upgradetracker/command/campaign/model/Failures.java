package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.campaign.model.CampaignState.Status;
import dev.upgradetracker.command.cluster.model.Skippable;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RetryStep;
import dev.upgradetracker.events.campaign.CampaignCommand.SkipStep;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.StepRetried;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import java.time.Instant;
import java.util.Optional;

/**
 * What a failed step does to the campaign (its failure policy), and how an operator clears it: a
 * retry, or a skip of a step the procedure allows to be waived.
 */
final class Failures {

  private Failures() {}

  static Decision retry(RetryStep command, Started campaign) {
    var run = Runs.failed(campaign, command.clusterId());
    var retried =
        Decision.in(campaign)
            .then(new StepRetried(campaign.campaignId(), run.clusterId(), run.failure().stepId()));
    return handled(retried, command.now())
        .orElseGet(() -> Progression.authorize(retried, run.clusterId(), command.now()));
  }

  static Decision skip(SkipStep command, Started campaign) {
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidInput("reason", "is required: a skipped step is recorded for auditors");
    }
    var run = Runs.failed(campaign, command.clusterId());
    var failure = run.failure();
    if (failure.failures().isEmpty()) {
      throw new OutOfOrder(
          "step "
              + failure.stepId()
              + " was refused by the cluster and never ran: remove the cause and retry it ("
              + failure.reason()
              + ")");
    }
    if (!Skippable.COMMANDS.contains(failure.command())) {
      throw new NotSkippable(failure.stepId(), failure.command());
    }
    var skipped =
        Decision.in(campaign)
            .then(
                new StepSkipRequested(
                    campaign.campaignId(), run.clusterId(), failure.stepId(), command.reason()));
    return handled(skipped, command.now()).orElse(skipped);
  }

  /**
   * Stop at the first failure, or let the other clusters go on until more than the allowed number
   * have failed.
   */
  static Decision applyPolicy(Decision failed, RecordStepFinished report) {
    var campaign = failed.campaign();
    if (campaign.status() != Status.RUNNING
        || campaign.count(Phase.FAILED) <= allowedFailures(campaign)) {
      return Progression.admit(failed, report.now());
    }
    return failed.then(
        new CampaignStopped(
            campaign.campaignId(),
            "cluster "
                + report.clusterId()
                + " failed at step "
                + report.stepId()
                + " ("
                + report.command()
                + " "
                + report.subject()
                + "); failed clusters: "
                + campaign.count(Phase.FAILED)
                + ", allowed: "
                + allowedFailures(campaign)));
  }

  /**
   * A failure was retried or waived: a campaign the policy stopped goes on once the failures are
   * back within it.
   */
  private static Optional<Decision> handled(Decision decision, Instant now) {
    var campaign = decision.campaign();
    if (campaign.status() != Status.STOPPED
        || campaign.count(Phase.FAILED) > allowedFailures(campaign)) {
      return Optional.empty();
    }
    return Optional.of(
        Progression.goOn(decision.then(new CampaignResumed(campaign.campaignId())), now));
  }

  private static int allowedFailures(Started campaign) {
    var policy = campaign.options().failurePolicy();
    return policy.continueOtherClusters() ? policy.maxFailures() : 0;
  }
}
