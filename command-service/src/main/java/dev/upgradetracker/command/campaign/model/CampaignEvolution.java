package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Approval;
import dev.upgradetracker.command.campaign.model.CampaignState.ClusterRun;
import dev.upgradetracker.command.campaign.model.CampaignState.Failure;
import dev.upgradetracker.command.campaign.model.CampaignState.Idle;
import dev.upgradetracker.command.campaign.model.CampaignState.NotStarted;
import dev.upgradetracker.command.campaign.model.CampaignState.OverdueStep;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Slot;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.campaign.model.CampaignState.Status;
import dev.upgradetracker.command.campaign.model.CampaignState.StepInFlight;
import dev.upgradetracker.command.campaign.model.CampaignState.StepRunning;
import dev.upgradetracker.command.campaign.model.CampaignState.UnreachableHost;
import dev.upgradetracker.command.campaign.model.CampaignState.Window;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeApproved;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeSlotGranted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostReached;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import dev.upgradetracker.events.campaign.CampaignEvent.StepRetried;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.campaign.CampaignEvent.StepStarted;
import java.util.LinkedHashMap;

/** How each event changes a campaign's state. */
final class CampaignEvolution {

  private CampaignEvolution() {}

  static CampaignState evolve(CampaignState state, CampaignEvent event) {
    return switch (state) {
      case NotStarted notStarted when event instanceof CampaignStarted started -> begun(started);
      case NotStarted notStarted ->
          throw new IllegalStateException(
              event.getClass().getSimpleName() + " before its campaign started");
      case Started campaign -> evolve(campaign, event);
    };
  }

  private static Started begun(CampaignStarted started) {
    var clusters = new LinkedHashMap<String, ClusterRun>();
    started.clusterIds().forEach(id -> clusters.put(id, ClusterRun.pending(id)));
    return new Started(
        started.campaignId(), started.team(), started.options(), Status.RUNNING, clusters);
  }

  private static Started evolve(Started campaign, CampaignEvent event) {
    return switch (event) {
      case CampaignStarted started -> begun(started);
      case ClusterAdmitted admitted ->
          campaign.withCluster(
              admitted.clusterId(), run -> run.to(Phase.RUNNING, new Idle(), null));
      case StepAuthorized authorized ->
          campaign.withCluster(authorized.clusterId(), run -> run.authorized(authorized.stepId()));
      case ClusterWaitingForWindow waiting ->
          campaign.withCluster(
              waiting.clusterId(), run -> run.waitingFor(new Window(waiting.opensAt())));
      case StepCompleted completed ->
          campaign.withCluster(completed.clusterId(), ClusterRun::stepDone);
      case StepOverdue overdue ->
          campaign.withCluster(
              overdue.clusterId(), run -> run.waitingFor(new OverdueStep(overdue.stepId())));
      case StepStarted started ->
          campaign.withCluster(
              started.clusterId(),
              run ->
                  run.waitingFor(
                      run.waiting() instanceof UnreachableHost unreachable
                          ? new UnreachableHost(unreachable.stepId(), unreachable.host(), true)
                          : new StepRunning(started.stepId())));
      case StepHostUnreachable unreachable ->
          campaign.withCluster(
              unreachable.clusterId(),
              run ->
                  run.waitingFor(
                      new UnreachableHost(
                          unreachable.stepId(),
                          unreachable.host(),
                          !(run.waiting() instanceof StepInFlight))));
      case StepHostReached reached ->
          campaign.withCluster(
              reached.clusterId(),
              run ->
                  run.waitingFor(
                      run.waiting() instanceof UnreachableHost unreachable
                          ? unreachable.reached()
                          : run.waiting()));
      case ClusterAwaitingApproval awaiting ->
          campaign.withCluster(
              awaiting.clusterId(), run -> run.waitingFor(new Approval(awaiting.host())));
      case NodeUpgradeApproved approved ->
          campaign.withCluster(approved.clusterId(), run -> run.approved(approved.host()));
      case ClusterAwaitingSlot awaiting ->
          campaign.withCluster(
              awaiting.clusterId(), run -> run.waitingFor(new Slot(awaiting.host())));
      case NodeUpgradeSlotGranted granted ->
          campaign.withCluster(granted.clusterId(), run -> run.slotted(granted.host()));
      case ClusterFailed failed ->
          campaign.withCluster(
              failed.clusterId(),
              run ->
                  run.to(
                      Phase.FAILED,
                      new Idle(),
                      new Failure(
                          failed.stepId(),
                          failed.command(),
                          failed.subject(),
                          failed.failures(),
                          failed.reason())));
      case StepRetried retried ->
          campaign.withCluster(retried.clusterId(), run -> run.to(Phase.RUNNING, new Idle(), null));
      case StepSkipRequested skip ->
          campaign.withCluster(
              skip.clusterId(),
              run -> run.to(Phase.RUNNING, new StepInFlight(skip.stepId()), run.failure()));
      case ClusterCompleted completed ->
          campaign.withCluster(completed.clusterId(), run -> run.to(Phase.DONE, new Idle(), null));
      case CampaignPaused paused -> campaign.withStatus(Status.PAUSED);
      case CampaignResumed resumed -> campaign.withStatus(Status.RUNNING);
      case CampaignStopped stopped -> campaign.withStatus(Status.STOPPED);
      case CampaignAborted aborted -> campaign.withStatus(Status.ABORTED);
      case CampaignCompleted completed -> campaign.withStatus(Status.COMPLETED);
    };
  }
}
