package dev.upgradetracker.query.cluster;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignUpgradeFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterInventoryUpdated;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesHalted;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBootVerified;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.ClusterEvent.HostBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.HostReached;
import dev.upgradetracker.events.cluster.ClusterEvent.HostUnreachable;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingSlot;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.ClusterEvent.PackageMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.PatchesInstalled;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.query.activity.ActivitySummary;
import dev.upgradetracker.query.cluster.ClusterProgress.CurrentStep;
import dev.upgradetracker.query.cluster.ClusterProgress.Failure;
import dev.upgradetracker.query.cluster.ClusterProgress.StepStatus;
import dev.upgradetracker.query.cluster.ClusterView.ActionView;
import dev.upgradetracker.query.cluster.ClusterView.GuestView;
import dev.upgradetracker.query.cluster.ClusterView.HostView;
import dev.upgradetracker.query.cluster.ClusterView.PackageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Folds a cluster's events into its {@link ClusterView}: a pure function. */
public final class ClusterProjection {

  /**
   * How many host actions a view keeps, newest last: every view is read and written per event, so
   * it stays small; the full history is the event log's.
   */
  static final int ACTIONS_KEPT = 20;

  static final int OUTPUT_EXCERPT = 600;

  private ClusterProjection() {}

  public static ClusterView apply(ClusterView view, EventEnvelope envelope) {
    if (envelope.sequence() <= view.lastSequence()) {
      return view;
    }
    var folded = fold(view, envelope.event(), envelope.timestamp());
    var phase = ClusterPhase.of(folded);
    return progress(
            folded,
            p -> {
              p.phase = phase;
              p.estimate(envelope.timestamp());
            })
        .at(ActivitySummary.of(envelope));
  }

  private static ClusterView fold(ClusterView view, ClusterEvent event, Instant at) {
    return switch (event) {
      case ClusterRegistered registered ->
          inventory(
              view,
              registered.clusterId(),
              registered.team(),
              registered.topology(),
              registered.site(),
              registered.hosts(),
              registered.guests(),
              registered.packages());
      case ClusterInventoryUpdated updated ->
          inventory(
              view,
              view.clusterId(),
              view.team(),
              updated.topology(),
              updated.site(),
              updated.hosts(),
              updated.guests(),
              updated.packages());
      case HostActionRequested requested ->
          actions(
              view,
              append(
                  view.actions(),
                  new ActionView(
                      requested.actionId(),
                      requested.host(),
                      requested.action().toString(),
                      ActionView.REQUESTED,
                      null,
                      null)));
      case HostActionSucceeded succeeded -> finish(view, succeeded.actionId(), succeeded.outcome());
      case HostActionFailed failed ->
          failure(finish(view, failed.actionId(), failed.outcome()), failed, at);
      case HostUnreachable unreachable ->
          awaiting(
              view,
              unreachable.actionId(),
              ActionView.UNREACHABLE,
              "cannot reach "
                  + unreachable.host()
                  + " since "
                  + unreachable.since()
                  + ": "
                  + unreachable.error());
      case HostReached reached -> awaiting(view, reached.actionId(), ActionView.REQUESTED, null);
      case GuestMoved moved ->
          guests(view, g -> g.name().equals(moved.guest()) ? g.movedTo(moved.toHost()) : g);
      case PackageMoved moved ->
          packages(
              view,
              view.packages().stream()
                  .map(
                      p ->
                          p.name().equals(moved.packageName())
                              ? new PackageView(p.name(), moved.toNode())
                              : p)
                  .toList());
      case ClusterNodesHalted halted ->
          guests(view, g -> halted.guests().contains(g.name()) ? g.member(false) : g);
      case ClusterNodesStarted started ->
          guests(view, g -> started.guests().contains(g.name()) ? g.member(true) : g);
      case NodeUpgradeStarted started -> host(view, started.host(), HostView::upgradeStarted);
      case NodeUpgraded upgraded ->
          host(
                  view,
                  upgraded.host(),
                  h ->
                      h.upgradedTo(
                          upgraded.hpuxVersion(),
                          upgraded.ivmVersion(),
                          upgraded.serviceguardVersion(),
                          h.member() && upgraded.mode() == UpgradeMode.UPDATE))
              .checked();
      case NodeRejoinedCluster rejoined -> host(view, rejoined.host(), HostView::rejoined);
      case GuestKitInstalled kit ->
          guests(view, g -> g.name().equals(kit.guest()) ? g.withKit(kit.kitVersion()) : g)
              .checked();
      // preparation shows through the actions list and the activity feed
      case GuestsBootVerified verified -> view;
      case HostBackedUp backedUp -> view;
      case GuestsBackedUp backedUp -> view;
      case PatchesInstalled patched -> view;
      case CampaignAttached attached -> progress(view, p -> p.campaignId = attached.campaignId());
      case CampaignDetached detached ->
          progress(
              view,
              p -> {
                p.campaignId = null;
                p.currentStep = null;
              });
      case CampaignStepStarted started ->
          progress(
              view,
              p -> {
                p.currentStep =
                    new CurrentStep(
                        started.stepId(),
                        started.command(),
                        started.subject(),
                        StepStatus.RUNNING,
                        at);
                p.stepsTotal = p.stepsDone + started.stepsRemaining();
              });
      case CampaignStepFinished finished ->
          progress(
              view,
              p -> {
                if (finished.outcome() == StepOutcome.FAILED) {
                  p.currentStep =
                      new CurrentStep(
                          finished.stepId(),
                          finished.command(),
                          finished.subject(),
                          StepStatus.FAILED,
                          at);
                } else {
                  p.stepDone(finished.stepId(), at);
                }
              });
      case NodeUpgradeAwaitingApproval awaiting ->
          upgradeWaiting(
              view, awaiting.stepId(), awaiting.host(), StepStatus.AWAITING_APPROVAL, at);
      case NodeUpgradeAwaitingSlot awaiting ->
          upgradeWaiting(view, awaiting.stepId(), awaiting.host(), StepStatus.AWAITING_SLOT, at);
      case CampaignUpgradeFinished finished ->
          progress(
              view,
              p -> {
                p.currentStep = null;
                p.stepsTotal = p.stepsDone;
              });
    };
  }

  /** The node's upgrade, next, waits for someone's approval or for a slot of its depot. */
  private static ClusterView upgradeWaiting(
      ClusterView view, String stepId, String host, StepStatus status, Instant at) {
    return progress(
        view, p -> p.currentStep = new CurrentStep(stepId, "UpgradeNode", host, status, at));
  }

  private static ClusterView progress(ClusterView view, Consumer<ClusterProgress.Draft> edit) {
    return view.change(d -> d.progress = d.progress.change(edit));
  }

  private static ClusterView failure(ClusterView view, HostActionFailed failed, Instant at) {
    var action =
        view.actions().stream()
            .filter(a -> a.actionId().equals(failed.actionId()))
            .map(ActionView::summary)
            .findFirst()
            .orElse(null);
    var excerpt = excerpt(failed.outcome().output());
    return progress(
        view,
        p ->
            p.failed(
                new Failure(
                    failed.actionId(),
                    failed.host(),
                    action,
                    failed.outcome().exitCode(),
                    excerpt,
                    at)));
  }

  private static ClusterView inventory(
      ClusterView view,
      String clusterId,
      String team,
      Topology topology,
      String site,
      List<VmHost> hosts,
      List<Guest> guests,
      List<AppPackage> packages) {
    boolean guestsAreNodes = topology == Topology.GUESTS_AS_NODES;
    return new ClusterView(
            clusterId,
            team,
            topology,
            site,
            hosts.stream()
                .map(
                    h ->
                        new HostView(
                            h.name(),
                            h.sshAddress(),
                            h.hpuxVersion(),
                            h.ivmVersion(),
                            h.serviceguardVersion(),
                            false,
                            true,
                            h.depot()))
                .toList(),
            guests.stream()
                .map(
                    g ->
                        new GuestView(
                            g.name(), g.host(), g.kitVersion(), guestsAreNodes, g.failoverNodes()))
                .toList(),
            packages.stream().map(p -> new PackageView(p.name(), p.node())).toList(),
            List.of(),
            view.actions(),
            view.progress(),
            view.activity(),
            view.lastSequence(),
            view.lastEventAt())
        .checked();
  }

  private static ClusterView guests(ClusterView view, UnaryOperator<GuestView> change) {
    return view.change(d -> d.guests = d.guests.stream().map(change).toList());
  }

  private static ClusterView host(ClusterView view, String name, UnaryOperator<HostView> change) {
    return view.change(
        d ->
            d.hosts =
                d.hosts.stream().map(h -> h.name().equals(name) ? change.apply(h) : h).toList());
  }

  private static ClusterView actions(ClusterView view, List<ActionView> actions) {
    return view.change(d -> d.actions = actions);
  }

  private static ClusterView packages(ClusterView view, List<PackageView> packages) {
    return view.change(d -> d.packages = packages);
  }

  /** An action not ended yet, its host reachable ({@code REQUESTED}) or not. */
  private static ClusterView awaiting(
      ClusterView view, String actionId, String status, String why) {
    var actions =
        view.actions().stream()
            .map(
                a ->
                    a.actionId().equals(actionId) && a.awaited()
                        ? new ActionView(a.actionId(), a.host(), a.summary(), status, null, why)
                        : a)
            .toList();
    return actions(view, actions);
  }

  private static ClusterView finish(ClusterView view, String actionId, ActionOutcome outcome) {
    var actions =
        view.actions().stream()
            .map(
                a ->
                    a.actionId().equals(actionId)
                        ? new ActionView(
                            a.actionId(),
                            a.host(),
                            a.summary(),
                            outcome.status().name(),
                            outcome.exitCode(),
                            outcome.status() == ActionStatus.FAILED
                                ? excerpt(outcome.output())
                                : null)
                        : a)
            .toList();
    return actions(view, actions);
  }

  /**
   * The end of a failed action's output, where the error usually is; a succeeded action's output is
   * not kept: every view read and written per event carries it.
   */
  private static String excerpt(String output) {
    var text = output == null ? "" : output;
    return text.substring(Math.max(0, text.length() - OUTPUT_EXCERPT));
  }

  private static List<ActionView> append(List<ActionView> actions, ActionView action) {
    var next = new ArrayList<>(actions);
    next.add(action);
    return List.copyOf(next.subList(Math.max(0, next.size() - ACTIONS_KEPT), next.size()));
  }
}
