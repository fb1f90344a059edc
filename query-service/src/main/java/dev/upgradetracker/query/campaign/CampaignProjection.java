package dev.upgradetracker.query.campaign;

import dev.upgradetracker.events.CampaignEnvelope;
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
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import dev.upgradetracker.query.campaign.CampaignProgress.FailedStep;
import dev.upgradetracker.query.campaign.CampaignProgress.RunPhase;
import dev.upgradetracker.query.campaign.CampaignProgress.Status;
import dev.upgradetracker.query.campaign.CampaignProgress.Wait;
import dev.upgradetracker.query.campaign.CampaignProgress.WaitKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Folds a campaign's events into its {@link CampaignProgress}: a pure function. */
public final class CampaignProjection {

  static final int DETAIL_LENGTH = 400;
  private static final String LEFT_BY_ABORT = "no further step: the campaign was aborted";

  private CampaignProjection() {}

  public static CampaignProgress apply(CampaignProgress view, CampaignEnvelope envelope) {
    if (envelope.sequence() <= view.lastSequence()) {
      return view;
    }
    return fold(view, envelope).settled(envelope.sequence(), envelope.timestamp());
  }

  private static CampaignProgress fold(CampaignProgress view, CampaignEnvelope envelope) {
    var at = envelope.timestamp();
    return switch (envelope.event()) {
      case CampaignStarted started ->
          view.started(
              started.team(), envelope.user(), started.clusterIds(), started.options(), at);
      case ClusterAdmitted admitted ->
          view.withRun(admitted.clusterId(), r -> r.in(RunPhase.RUNNING, null));
      case StepAuthorized authorized ->
          view.withRun(
              authorized.clusterId(),
              r ->
                  r.in(RunPhase.RUNNING, null)
                      .waiting(Wait.onStep(WaitKind.STEP, at, authorized.stepId())));
      case ClusterWaitingForWindow waiting ->
          view.withRun(
              waiting.clusterId(),
              r ->
                  r.in(RunPhase.WAITING_FOR_WINDOW, "window opens at " + waiting.opensAt())
                      .waiting(
                          new Wait(
                              WaitKind.WINDOW,
                              at,
                              waiting.opensAt(),
                              null,
                              null,
                              null,
                              null,
                              null)));
      case StepCompleted completed ->
          completed.outcome() == StepOutcome.FAILED
              ? view
              : view.withRun(
                  completed.clusterId(),
                  r ->
                      afterAbort(
                          view,
                          r.completed(
                              completed.command() + " " + completed.subject(),
                              completed.stepsLeft())));
      case ClusterAwaitingApproval awaiting ->
          view.withRun(
              awaiting.clusterId(),
              r ->
                  r.in(
                          RunPhase.AWAITING_APPROVAL,
                          "upgrade of " + awaiting.host() + " awaits approval")
                      .waiting(
                          new Wait(
                              WaitKind.APPROVAL,
                              at,
                              null,
                              awaiting.host(),
                              awaiting.stepId(),
                              approvers(view),
                              null,
                              null)));
      case NodeUpgradeApproved approved ->
          view.withRun(approved.clusterId(), r -> r.in(RunPhase.RUNNING, null));
      case ClusterAwaitingSlot awaiting ->
          view.withRun(
              awaiting.clusterId(),
              r ->
                  r.in(
                          RunPhase.AWAITING_SLOT,
                          "upgrade of " + awaiting.host() + " " + waitingFor(awaiting.usage()))
                      .waiting(
                          new Wait(
                              WaitKind.SLOT,
                              at,
                              null,
                              awaiting.host(),
                              awaiting.stepId(),
                              null,
                              null,
                              null)));
      case NodeUpgradeSlotGranted granted ->
          view.withRun(granted.clusterId(), r -> r.in(RunPhase.RUNNING, null));
      case ClusterFailed failed ->
          view.withRun(
              failed.clusterId(),
              r ->
                  r.failed(
                          why(failed),
                          new FailedStep(
                              failed.stepId(),
                              failed.command(),
                              failed.subject(),
                              failed.failures() == null ? List.of() : failed.failures(),
                              failed.reason()))
                      .waiting(Wait.onStep(WaitKind.RETRY_OR_SKIP, at, failed.stepId())));
      case StepRetried retried ->
          view.withRun(retried.clusterId(), r -> r.in(RunPhase.RUNNING, null));
      case StepSkipRequested skip ->
          view.withRun(
              skip.clusterId(), r -> r.in(RunPhase.RUNNING, "skip requested: " + skip.reason()));
      case ClusterCompleted completed ->
          view.withRun(completed.clusterId(), r -> r.in(RunPhase.DONE, null));
      case CampaignPaused paused -> view.withStatus(Status.PAUSED, null, at);
      case CampaignResumed resumed -> view.withStatus(Status.RUNNING, null, at);
      case CampaignStopped stopped -> view.withStatus(Status.STOPPED, stopped.reason(), at);
      case CampaignAborted aborted ->
          leftUnfinished(aborted, view).withStatus(Status.ABORTED, aborted.reason(), at);
      case CampaignCompleted completed -> view.withStatus(Status.COMPLETED, null, at);
      case StepOverdue overdue ->
          view.withRun(
              overdue.clusterId(),
              r ->
                  r.waiting(
                      new Wait(
                          WaitKind.STUCK,
                          overdue.startedAt(),
                          null,
                          overdue.subject(),
                          overdue.stepId(),
                          null,
                          overdue.command(),
                          overdue.usual())));
      case StepStarted started -> view.withRun(started.clusterId(), r -> begun(r, started));
      case StepHostUnreachable unreachable ->
          view.withRun(
              unreachable.clusterId(),
              r ->
                  r.in(
                          RunPhase.RUNNING,
                          "cannot reach " + unreachable.host() + ": " + unreachable.error())
                      .waiting(
                          new Wait(
                              WaitKind.HOST_UNREACHABLE,
                              unreachable.since(),
                              null,
                              unreachable.host(),
                              unreachable.stepId(),
                              null,
                              sameStep(r, unreachable.stepId()).map(Wait::command).orElse(null),
                              sameStep(r, unreachable.stepId()).map(Wait::usual).orElse(null))));
      case StepHostReached reached ->
          view.withRun(
              reached.clusterId(),
              r ->
                  onStep(r, reached.stepId(), WaitKind.HOST_UNREACHABLE)
                      ? r.in(RunPhase.RUNNING, null)
                          .waiting(
                              new Wait(
                                  WaitKind.STEP,
                                  reached.at(),
                                  null,
                                  reached.host(),
                                  reached.stepId(),
                                  null,
                                  r.waiting().command(),
                                  r.waiting().usual()))
                      : r);
    };
  }

  private static boolean onStep(CampaignProgress.ClusterRun run, String stepId, WaitKind kind) {
    return run.waiting() != null
        && run.waiting().kind() == kind
        && stepId.equals(run.waiting().stepId());
  }

  /** The wait of the step {@code stepId}, if that is what the cluster waits on. */
  private static Optional<Wait> sameStep(CampaignProgress.ClusterRun run, String stepId) {
    return Optional.ofNullable(run.waiting()).filter(w -> stepId.equals(w.stepId()));
  }

  /**
   * The step's start names its command, host and usual duration; it may come after its host was
   * said unreachable (the two reports travel apart), which it then leaves unreachable.
   */
  private static CampaignProgress.ClusterRun begun(
      CampaignProgress.ClusterRun run, StepStarted started) {
    if (onStep(run, started.stepId(), WaitKind.STEP)) {
      return run.waiting(
          new Wait(
              WaitKind.STEP,
              started.startedAt(),
              null,
              started.subject(),
              started.stepId(),
              null,
              started.command(),
              started.usual()));
    }
    if (onStep(run, started.stepId(), WaitKind.HOST_UNREACHABLE)) {
      var w = run.waiting();
      return run.waiting(
          new Wait(
              w.kind(),
              w.since(),
              null,
              w.host(),
              w.stepId(),
              null,
              started.command(),
              started.usual()));
    }
    return run;
  }

  /**
   * An abort lets running steps finish: each such cluster says which step still runs; every other
   * unfinished cluster takes no further step and shows so (not as running or waiting any more).
   */
  private static CampaignProgress leftUnfinished(CampaignAborted aborted, CampaignProgress view) {
    var stillRunning =
        aborted.stepsStillRunning() == null
            ? Map.<String, String>of()
            : aborted.stepsStillRunning();
    var progress = view;
    for (var clusterId : aborted.unfinishedClusters()) {
      var step = stillRunning.get(clusterId);
      progress =
          progress.withRun(
              clusterId,
              r ->
                  step != null
                      ? r.in(
                          RunPhase.RUNNING,
                          "step " + step + " was still running when it was aborted")
                      : r.in(RunPhase.ABORTED, LEFT_BY_ABORT));
    }
    return progress;
  }

  /** A step that was still running at the abort ends the cluster's part in the campaign. */
  private static CampaignProgress.ClusterRun afterAbort(
      CampaignProgress view, CampaignProgress.ClusterRun run) {
    return view.status() == Status.ABORTED
        ? run.in(RunPhase.ABORTED, "its last step finished after the campaign was aborted")
        : run;
  }

  /** Four eyes: an approver of the campaign's team, not the user who started it. */
  private static String approvers(CampaignProgress view) {
    return "an approver of team "
        + view.team()
        + (view.startedBy() == null || view.startedBy().isBlank()
            ? ""
            : " other than " + view.startedBy() + ", who started the campaign");
  }

  /** The full depot, else the full site; else the depot, where earlier claims wait first. */
  private static String waitingFor(Usage usage) {
    boolean siteFull =
        usage.site() != null && usage.siteLimit() > 0 && usage.siteInUse() >= usage.siteLimit();
    boolean depotFull = usage.depotLimit() > 0 && usage.depotInUse() >= usage.depotLimit();
    if (siteFull && !depotFull) {
      return "waiting for a site slot (%d of %d in use at site %s)"
          .formatted(usage.siteInUse(), usage.siteLimit(), usage.site());
    }
    return "waiting for a depot slot (%d of %d in use at depot %s%s)"
        .formatted(
            usage.depotInUse(),
            usage.depotLimit(),
            usage.depot(),
            depotFull || siteFull ? "" : "; earlier claims wait first");
  }

  /** The step and, per failed host action, its exit code and the end of its output. */
  private static String why(ClusterFailed failed) {
    var step = failed.command() + " " + failed.subject() + " failed";
    if (failed.failures() == null || failed.failures().isEmpty()) {
      return cut(step + ": " + failed.reason());
    }
    return cut(
        step
            + ": "
            + failed.failures().stream()
                .map(CampaignProjection::describe)
                .collect(Collectors.joining("; ")));
  }

  private static String describe(StepFailure failure) {
    var outcome = failure.outcome();
    var output = outcome == null || outcome.output() == null ? "" : outcome.output().strip();
    return failure.host()
        + " exit "
        + (outcome == null ? "?" : outcome.exitCode())
        + (output.isEmpty() ? "" : ": " + output);
  }

  private static String cut(String text) {
    return text.length() <= DETAIL_LENGTH
        ? text
        : "…" + text.substring(text.length() - DETAIL_LENGTH);
  }
}
