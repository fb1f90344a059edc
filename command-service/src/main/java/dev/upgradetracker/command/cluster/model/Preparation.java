package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Step 1 of both procedures: guests verified bootable, guests and hosts backed up. */
final class Preparation {

  private Preparation() {}

  static List<ClusterEvent> verifyGuestsBoot(
      ClusterCommand.VerifyGuestsBoot command, Registered cluster) {
    return perHostWithGuests(
        cluster, Actions.required(command.actionId()), HostAction.VerifyGuestsBoot::new);
  }

  static List<ClusterEvent> backUpGuests(ClusterCommand.BackUpGuests command, Registered cluster) {
    return perHostWithGuests(
        cluster, Actions.required(command.actionId()), HostAction.BackUpGuests::new);
  }

  static List<ClusterEvent> backUpHost(ClusterCommand.BackUpHost command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var host = Actions.host(cluster, command.host());
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    Actions.refuseIfPending(
        cluster,
        "host " + host.name(),
        p -> p.action() instanceof HostAction.BackUpHost && p.host().equals(host.name()));
    return List.of(Actions.request(cluster, actionId, host.name(), new HostAction.BackUpHost()));
  }

  private static List<ClusterEvent> perHostWithGuests(
      Registered cluster, String actionId, Function<List<String>, HostAction> action) {
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    var events = new ArrayList<ClusterEvent>();
    for (var host : cluster.hosts().keySet()) {
      var guests = cluster.guestsOn(host).stream().map(GuestNode::name).toList();
      if (!guests.isEmpty()) {
        events.add(
            Actions.request(cluster, Actions.part(actionId, host), host, action.apply(guests)));
      }
    }
    if (events.isEmpty()) {
      throw new NothingToDo("cluster " + cluster.clusterId() + " has no guests");
    }
    return events;
  }
}
