package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.PendingAction;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import java.util.function.Predicate;

/** Requesting host actions: ids, idempotency, what is already under way. */
final class Actions {

  private Actions() {}

  static String required(String actionId) {
    if (actionId == null || actionId.isBlank()) {
      throw new InvalidInput("actionId", "is required");
    }
    return actionId;
  }

  /** The id of the part of a fanned-out action that runs for {@code subject}. */
  static String part(String actionId, String subject) {
    return actionId + "@" + subject;
  }

  /**
   * Whether the command naming this action id was already accepted: repeating it changes nothing.
   */
  static boolean alreadyAccepted(Registered cluster, String actionId) {
    return cluster.pendingActions().containsKey(actionId)
        || cluster.finishedActions().contains(actionId)
        || cluster.pendingActions().keySet().stream().anyMatch(id -> id.startsWith(actionId + "@"))
        || cluster.finishedActions().stream().anyMatch(id -> id.startsWith(actionId + "@"));
  }

  static void refuseIfPending(
      Registered cluster, String subject, Predicate<PendingAction> concerns) {
    for (var pending : cluster.pendingActions().values()) {
      if (concerns.test(pending)) {
        throw new ActionInProgress(subject, pending.actionId());
      }
    }
  }

  static HostActionRequested request(
      Registered cluster, String actionId, String host, HostAction action) {
    var target = cluster.hosts().get(host);
    return new HostActionRequested(
        cluster.clusterId(), actionId, host, target.sshAddress(), action, target.depot());
  }

  static ClusterState.Host host(Registered cluster, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("host", "is required");
    }
    var host = cluster.hosts().get(name);
    if (host == null) {
      throw new NotFound("host", name);
    }
    return host;
  }

  static ClusterState.GuestNode guest(Registered cluster, String name) {
    var guest = cluster.guests().get(name);
    if (guest == null) {
      throw new NotFound("guest", name);
    }
    return guest;
  }
}
