package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.OnStep;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.campaign.model.CampaignState.StepInFlight;
import dev.upgradetracker.command.campaign.model.CampaignState.StepRunning;
import dev.upgradetracker.command.campaign.model.CampaignState.UnreachableHost;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostReached;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepOverdue;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostReached;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import dev.upgradetracker.events.campaign.CampaignEvent.StepStarted;
import dev.upgradetracker.events.cluster.StepOutcome;
import java.util.List;

/**
 * A cluster reports how its authorized step ended: a success authorizes its next step, a failure
 * meets the failure policy, the last step finishes the cluster. A report of any other step than the
 * one in flight (a late or repeated one) changes nothing.
 */
final class Reports {

  private Reports() {}

  /** Said once per step, only while it runs (its host reached or not), before it is overdue. */
  static Decision stepStarted(RecordStepStarted report, Started campaign) {
    var decision = Decision.in(campaign);
    var run = campaign.clusters().get(report.clusterId());
    boolean notSaid =
        waitsOn(campaign, report.clusterId(), report.stepId(), StepInFlight.class)
            || (run != null
                && run.waiting() instanceof UnreachableHost unreachable
                && unreachable.stepId().equals(report.stepId())
                && !unreachable.started());
    if (!notSaid) {
      return decision;
    }
    return decision.then(
        new StepStarted(
            campaign.campaignId(),
            report.clusterId(),
            report.stepId(),
            report.command(),
            report.subject(),
            report.startedAt(),
            report.usual()));
  }

  /** Said once per step, and only while it is still in flight and its host reachable. */
  static Decision stepOverdue(RecordStepOverdue report, Started campaign) {
    var decision = Decision.in(campaign);
    if (!waitsOn(campaign, report.clusterId(), report.stepId(), StepInFlight.class)
        && !waitsOn(campaign, report.clusterId(), report.stepId(), StepRunning.class)) {
      return decision;
    }
    return decision.then(
        new StepOverdue(
            campaign.campaignId(),
            report.clusterId(),
            report.stepId(),
            report.command(),
            report.subject(),
            report.startedAt(),
            report.usual()));
  }

  /** Said once until the host is reached again, and only while the step is in flight. */
  static Decision hostUnreachable(RecordHostUnreachable report, Started campaign) {
    var decision = Decision.in(campaign);
    var run = campaign.clusters().get(report.clusterId());
    if (run == null
        || !report.stepId().equals(run.stepInFlight())
        || run.waiting() instanceof UnreachableHost) {
      return decision;
    }
    return decision.then(
        new StepHostUnreachable(
            campaign.campaignId(),
            report.clusterId(),
            report.stepId(),
            report.host(),
            report.since(),
            report.error()));
  }

  static Decision hostReached(RecordHostReached report, Started campaign) {
    var decision = Decision.in(campaign);
    var run = campaign.clusters().get(report.clusterId());
    if (run == null
        || !(run.waiting() instanceof UnreachableHost unreachable)
        || !unreachable.stepId().equals(report.stepId())
        || !unreachable.host().equals(report.host())) {
      return decision;
    }
    return decision.then(
        new StepHostReached(
            campaign.campaignId(),
            report.clusterId(),
            report.stepId(),
            report.host(),
            report.at()));
  }

  private static boolean waitsOn(
      Started campaign, String clusterId, String stepId, Class<? extends OnStep> state) {
    var run = campaign.clusters().get(clusterId);
    return run != null
        && state.isInstance(run.waiting())
        && ((OnStep) run.waiting()).stepId().equals(stepId);
  }

  static Decision stepFinished(RecordStepFinished report, Started campaign) {
    var decision = Decision.in(campaign);
    var run = campaign.clusters().get(report.clusterId());
    if (run == null || !report.stepId().equals(run.stepInFlight())) {
      return decision;
    }
    if (report.outcome() == StepOutcome.FAILED) {
      var failed =
          decision.then(
              new ClusterFailed(
                  campaign.campaignId(),
                  run.clusterId(),
                  report.stepId(),
                  report.command(),
                  report.subject(),
                  report.failures() == null ? List.of() : report.failures(),
                  report.reason()));
      return Failures.applyPolicy(failed, report);
    }
    var completed =
        decision.then(
            new StepCompleted(
                campaign.campaignId(),
                run.clusterId(),
                report.stepId(),
                report.command(),
                report.subject(),
                report.outcome(),
                report.reason(),
                report.stepsLeft()));
    return Progression.authorize(completed, run.clusterId(), report.now());
  }

  static Decision clusterFinished(RecordClusterFinished report, Started campaign) {
    var decision = Decision.in(campaign);
    var run = campaign.clusters().get(report.clusterId());
    if (run == null || !report.stepId().equals(run.stepInFlight())) {
      return decision;
    }
    var finished = decision.then(new ClusterCompleted(campaign.campaignId(), run.clusterId()));
    var now = finished.campaign();
    return now.count(Phase.DONE) == now.clusters().size()
        ? finished.then(new CampaignCompleted(campaign.campaignId()))
        : Progression.admit(finished, report.now());
  }
}
