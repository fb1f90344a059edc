package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.AtStep;
import dev.upgradetracker.command.cluster.model.ClusterState.PendingAction;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesHalted;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBootVerified;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.ClusterEvent.HostBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.HostReached;
import dev.upgradetracker.events.cluster.ClusterEvent.HostUnreachable;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.ClusterEvent.PackageMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.PatchesInstalled;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Versions;
import java.util.List;

/** An executor's report becomes the action's outcome and, on success, the step's effect. */
final class ActionResults {

  /** How much of the executor's words on an unreachable host the history keeps. */
  static final int ERROR_CHARS = 400;

  private ActionResults() {}

  static List<ClusterEvent> record(ClusterCommand.RecordActionResult report, Registered cluster) {
    var result = report.result();
    var pending = cluster.pendingActions().get(result.actionId());
    if (pending == null) {
      // unknown or already reported: results arrive at least once, their effect happens once
      return List.of();
    }
    if ((result.outcome() == null) == (result.reachability() == null)) {
      throw new InvalidInput(
          "result", "a report carries an outcome or a reachability, one of them");
    }
    var id = cluster.clusterId();
    var host = pending.host();
    if (result.reachability() != null) {
      return reachability(cluster, pending, result);
    }
    if (result.outcome().status() == ActionStatus.FAILED) {
      return List.of(new HostActionFailed(id, result.actionId(), host, result.outcome()));
    }
    var outcome = new HostActionSucceeded(id, result.actionId(), host, result.outcome());
    return List.of(outcome, effect(cluster, host, pending.action(), result.actionId()));
  }

  /**
   * An interim report: each change of the host's reachability is said once (unreachable until it is
   * reached again), the executor's words kept short.
   */
  private static List<ClusterEvent> reachability(
      Registered cluster, PendingAction pending, ActionResult report) {
    var reachability = report.reachability();
    boolean saidUnreachable = pending.unreachableSince() != null;
    if (reachability.reached() != saidUnreachable) {
      return List.of();
    }
    var step = CampaignSteps.stepOf(cluster, pending.actionId());
    var campaignId = step.map(AtStep::campaignId).orElse(null);
    var stepId = step.map(at -> at.step().stepId()).orElse(null);
    var id = cluster.clusterId();
    return List.of(
        reachability.reached()
            ? new HostReached(
                id, pending.actionId(), pending.host(), report.finishedAt(), campaignId, stepId)
            : new HostUnreachable(
                id,
                pending.actionId(),
                pending.host(),
                report.finishedAt(),
                shortened(reachability.error()),
                campaignId,
                stepId));
  }

  private static String shortened(String error) {
    var words = error == null ? "" : error;
    return words.length() <= ERROR_CHARS ? words : words.substring(0, ERROR_CHARS) + "...";
  }

  /** What a host action that succeeded (or was waived) did to the cluster. */
  static ClusterEvent effect(Registered cluster, String host, HostAction action, String actionId) {
    var id = cluster.clusterId();
    return switch (action) {
      case HostAction.VerifyGuestsBoot verify ->
          new GuestsBootVerified(id, host, verify.guests(), actionId);
      case HostAction.BackUpHost backup -> new HostBackedUp(id, host, actionId);
      case HostAction.BackUpGuests backup ->
          new GuestsBackedUp(id, host, backup.guests(), actionId);
      case HostAction.MoveGuest move ->
          new GuestMoved(id, move.guest(), move.fromHost(), move.toHost(), actionId);
      case HostAction.MovePackage move ->
          new PackageMoved(id, move.packageName(), move.fromNode(), move.toNode(), actionId);
      case HostAction.HaltClusterNodes halt ->
          new ClusterNodesHalted(id, host, halt.guests(), actionId);
      case HostAction.RunClusterNodes run ->
          new ClusterNodesStarted(id, host, run.guests(), actionId);
      case HostAction.UpdateNode update -> upgraded(cluster, host, update, actionId);
      case HostAction.InstallPatches patches -> new PatchesInstalled(id, host, actionId);
      case HostAction.InstallGuestKit kit ->
          new GuestKitInstalled(id, kit.guest(), Versions.GUEST_KIT_4_0, actionId);
    };
  }

  private static NodeUpgraded upgraded(
      Registered cluster, String host, HostAction.UpdateNode update, String actionId) {
    var before = cluster.hosts().get(host);
    return new NodeUpgraded(
        cluster.clusterId(),
        host,
        update.mode(),
        Versions.HPUX_11I_V3,
        Versions.IVM_4_0,
        update.includeServiceguard()
            ? Versions.SERVICEGUARD_FOR_IVM_4
            : before.serviceguardVersion(),
        actionId);
  }
}
