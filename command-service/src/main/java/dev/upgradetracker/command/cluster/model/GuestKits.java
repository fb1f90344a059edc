package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import java.util.List;

/** The last step: the 4.0 guest kit on every guest, once every host runs 4.0 (R4). */
final class GuestKits {

  private GuestKits() {}

  @Checks({Rule.R4})
  static List<ClusterEvent> install(ClusterCommand.InstallGuestKit command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    var guests =
        command.guest() == null
            ? cluster.guests().values().stream().filter(g -> !g.hasKit4()).toList()
            : List.of(Actions.guest(cluster, command.guest()));
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    var hostsOn3x = NodeUpgrades.hostsOn3x(cluster);
    if (!hostsOn3x.isEmpty()) {
      throw new KitBeforeLastHost(
          command.guest() == null ? "any guest" : command.guest(), hostsOn3x);
    }
    if (guests.isEmpty() || (command.guest() != null && guests.getFirst().hasKit4())) {
      throw new NothingToDo(
          command.guest() == null
              ? "every guest has the 4.0 kit"
              : "guest " + command.guest() + " has the 4.0 kit");
    }
    boolean single = command.guest() != null;
    return guests.stream()
        .<ClusterEvent>map(
            g -> install(cluster, single ? actionId : Actions.part(actionId, g.name()), g))
        .toList();
  }

  private static ClusterEvent install(Registered cluster, String actionId, GuestNode guest) {
    Actions.refuseIfPending(
        cluster,
        "guest " + guest.name(),
        p -> p.action() instanceof HostAction.InstallGuestKit k && k.guest().equals(guest.name()));
    return Actions.request(
        cluster, actionId, guest.host(), new HostAction.InstallGuestKit(guest.name()));
  }
}
