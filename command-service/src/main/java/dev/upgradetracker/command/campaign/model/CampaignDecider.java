package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Approval;
import dev.upgradetracker.command.campaign.model.CampaignState.ClusterRun;
import dev.upgradetracker.command.campaign.model.CampaignState.NotStarted;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.campaign.model.CampaignState.Status;
import dev.upgradetracker.command.campaign.model.CampaignState.Window;
import dev.upgradetracker.command.cluster.model.Skippable;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.AbortCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.OpenWindow;
import dev.upgradetracker.events.campaign.CampaignCommand.PauseCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.ResumeCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RetryStep;
import dev.upgradetracker.events.campaign.CampaignCommand.SkipStep;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeApproved;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepRetried;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.cluster.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The Campaign aggregate's rules, pure: which clusters go on, when, and what a failure does. What
 * step a cluster takes is the cluster's own decision; the campaign only authorizes the next one.
 */
public final class CampaignDecider {

  private final List<CampaignEvent> events = new ArrayList<>();
  private CampaignState state;

  private CampaignDecider(CampaignState state) {
    this.state = state;
  }

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
    var decision = new CampaignDecider(state);
    if (command instanceof StartCampaign start) {
      decision.start(start);
      return List.copyOf(decision.events);
    }
    var campaign = started(state, command.campaignId());
    switch (command) {
      case StartCampaign start -> throw new AlreadyExists("campaign", start.campaignId());
      case PauseCampaign pause -> decision.pause(campaign);
      case ResumeCampaign resume -> decision.resume(campaign, resume.now());
      case AbortCampaign abort -> decision.abort(campaign, abort);
      case RetryStep retry -> decision.retry(campaign, retry);
      case SkipStep skip -> decision.skip(campaign, skip);
      case ApproveNodeUpgrade approve -> decision.approve(campaign, approve);
      case OpenWindow open -> decision.authorizeIdle(open.now());
      case RecordStepFinished finished -> decision.stepFinished(campaign, finished);
      case RecordAwaitingApproval awaiting -> decision.awaitingApproval(campaign, awaiting);
      case RecordClusterFinished finished -> decision.clusterFinished(campaign, finished);
    }
    return List.copyOf(decision.events);
  }

  public static CampaignState evolve(CampaignState state, CampaignEvent event) {
    return CampaignEvolution.evolve(state, event);
  }

  private void start(StartCampaign command) {
    if (state instanceof Started) {
      throw new AlreadyExists("campaign", command.campaignId());
    }
    CampaignValidation.validate(command);
    add(
        new CampaignStarted(
            command.campaignId(), command.team(), command.clusterIds(), command.options()));
    admit(command.now());
  }

  private void pause(Started campaign) {
    switch (campaign.status()) {
      case RUNNING, STOPPED -> add(new CampaignPaused(campaign.campaignId()));
      case PAUSED -> {}
      case ABORTED, COMPLETED -> throw ended(campaign);
    }
  }

  private void resume(Started campaign, Instant now) {
    switch (campaign.status()) {
      case PAUSED, STOPPED -> {
        add(new CampaignResumed(campaign.campaignId()));
        authorizeIdle(now);
        admit(now);
      }
      case RUNNING -> {}
      case ABORTED, COMPLETED -> throw ended(campaign);
    }
  }

  private void abort(Started campaign, AbortCampaign command) {
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidInput("reason", "is required: an abort is recorded for auditors");
    }
    switch (campaign.status()) {
      case ABORTED -> {}
      case COMPLETED -> throw ended(campaign);
      case RUNNING, PAUSED, STOPPED -> {
        var unfinished =
            campaign.clusters().values().stream()
                .filter(run -> run.phase() != Phase.DONE)
                .map(ClusterRun::clusterId)
                .toList();
        var running = new LinkedHashMap<String, String>();
        campaign.clusters().values().stream()
            .filter(run -> run.stepInFlight() != null)
            .forEach(run -> running.put(run.clusterId(), run.stepInFlight()));
        add(new CampaignAborted(campaign.campaignId(), command.reason(), unfinished, running));
      }
    }
  }

  private void retry(Started campaign, RetryStep command) {
    var run = failedRun(campaign, command.clusterId());
    add(new StepRetried(campaign.campaignId(), run.clusterId(), run.failure().stepId()));
    goOnAfterFailureHandled(run.clusterId(), command.now());
  }

  private void skip(Started campaign, SkipStep command) {
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidInput("reason", "is required: a skipped step is recorded for auditors");
    }
    var run = failedRun(campaign, command.clusterId());
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
    add(
        new StepSkipRequested(
            campaign.campaignId(), run.clusterId(), failure.stepId(), command.reason()));
    goOnAfterFailureHandled(null, command.now());
  }

  private void approve(Started campaign, ApproveNodeUpgrade command) {
    if (campaign.ended()) {
      throw ended(campaign);
    }
    var run = run(campaign, command.clusterId());
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
    add(new NodeUpgradeApproved(campaign.campaignId(), run.clusterId(), command.host()));
    authorize(run.clusterId(), command.now());
  }

  private void stepFinished(Started campaign, RecordStepFinished report) {
    var run = campaign.clusters().get(report.clusterId());
    if (run == null || !report.stepId().equals(run.stepInFlight())) {
      return;
    }
    if (report.outcome() == StepOutcome.FAILED) {
      add(
          new ClusterFailed(
              campaign.campaignId(),
              run.clusterId(),
              report.stepId(),
              report.command(),
              report.subject(),
              report.failures() == null ? List.of() : report.failures(),
              report.reason()));
      applyFailurePolicy(report);
      return;
    }
    add(
        new StepCompleted(
            campaign.campaignId(),
            run.clusterId(),
            report.stepId(),
            report.command(),
            report.subject(),
            report.outcome(),
            report.reason()));
    authorize(run.clusterId(), report.now());
  }

  private void awaitingApproval(Started campaign, RecordAwaitingApproval report) {
    var run = campaign.clusters().get(report.clusterId());
    if (run != null && report.stepId().equals(run.stepInFlight())) {
      add(
          new ClusterAwaitingApproval(
              campaign.campaignId(), run.clusterId(), report.stepId(), report.host()));
    }
  }

  private void clusterFinished(Started campaign, RecordClusterFinished report) {
    var run = campaign.clusters().get(report.clusterId());
    if (run == null || !report.stepId().equals(run.stepInFlight())) {
      return;
    }
    add(new ClusterCompleted(campaign.campaignId(), run.clusterId()));
    if (current().count(Phase.DONE) == current().clusters().size()) {
      add(new CampaignCompleted(campaign.campaignId()));
    } else {
      admit(report.now());
    }
  }

  /**
   * Stop at the first failure, or let the other clusters go on until more than the allowed number
   * have failed.
   */
  private void applyFailurePolicy(RecordStepFinished report) {
    var campaign = current();
    if (campaign.status() == Status.RUNNING && current().count(Phase.FAILED) > allowedFailures()) {
      add(
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
                  + current().count(Phase.FAILED)
                  + ", allowed: "
                  + allowedFailures()));
    } else {
      admit(report.now());
    }
  }

  /**
   * A failure was retried or waived: a campaign the policy stopped goes on once the failures are
   * back within it.
   */
  private void goOnAfterFailureHandled(String retriedCluster, Instant now) {
    var campaign = current();
    if (campaign.status() == Status.STOPPED && campaign.count(Phase.FAILED) <= allowedFailures()) {
      add(new CampaignResumed(campaign.campaignId()));
      authorizeIdle(now);
      admit(now);
    } else if (retriedCluster != null) {
      authorize(retriedCluster, now);
    }
  }

  private int allowedFailures() {
    var policy = current().options().failurePolicy();
    return policy.continueOtherClusters() ? policy.maxFailures() : 0;
  }

  /** Takes up pending clusters while places are free. */
  private void admit(Instant now) {
    var max = current().options().maxClustersInProgress();
    while (current().status() == Status.RUNNING && current().count(Phase.RUNNING) < max) {
      var next =
          current().clusters().values().stream()
              .filter(run -> run.phase() == Phase.PENDING)
              .findFirst();
      if (next.isEmpty()) {
        return;
      }
      add(new ClusterAdmitted(current().campaignId(), next.get().clusterId()));
      authorize(next.get().clusterId(), now);
    }
  }

  /** Every running cluster with nothing in flight takes its next step (after pause, window). */
  private void authorizeIdle(Instant now) {
    for (var run : List.copyOf(current().clusters().values())) {
      authorize(run.clusterId(), now);
    }
  }

  private void authorize(String clusterId, Instant now) {
    var campaign = current();
    var run = campaign.clusters().get(clusterId);
    if (campaign.status() != Status.RUNNING || !run.idle()) {
      return;
    }
    var options = campaign.options();
    if (!Windows.isOpen(options.maintenanceWindow(), now)) {
      var opensAt = Windows.nextOpening(options.maintenanceWindow(), now);
      if (!(run.waiting() instanceof Window window && window.opensAt().equals(opensAt))) {
        add(new ClusterWaitingForWindow(campaign.campaignId(), clusterId, opensAt));
      }
      return;
    }
    add(
        new StepAuthorized(
            campaign.campaignId(),
            clusterId,
            campaign.campaignId() + "/" + clusterId + "/" + (run.stepsAuthorized() + 1),
            options.mode(),
            options.approvalGates(),
            run.approvedHosts(),
            options.stepTimeout()));
  }

  private void add(CampaignEvent event) {
    events.add(event);
    state = evolve(state, event);
  }

  private Started current() {
    return (Started) state;
  }

  private static ClusterRun run(Started campaign, String clusterId) {
    var run = campaign.clusters().get(clusterId);
    if (run == null) {
      throw new NotFound("cluster in campaign " + campaign.campaignId(), clusterId);
    }
    return run;
  }

  private static ClusterRun failedRun(Started campaign, String clusterId) {
    if (campaign.ended()) {
      throw ended(campaign);
    }
    var run = run(campaign, clusterId);
    if (run.phase() != Phase.FAILED) {
      throw new OutOfOrder(
          "cluster " + clusterId + " has no failed step (it is " + run.phase() + ")");
    }
    return run;
  }

  private static OutOfOrder ended(Started campaign) {
    return new OutOfOrder(
        "campaign "
            + campaign.campaignId()
            + " is "
            + campaign.status()
            + "; it takes no commands");
  }

  private static Started started(CampaignState state, String campaignId) {
    return switch (state) {
      case Started started -> started;
      case NotStarted notStarted -> throw new NotFound("campaign", campaignId);
    };
  }
}
