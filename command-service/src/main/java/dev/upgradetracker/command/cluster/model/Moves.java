package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Host;
import dev.upgradetracker.command.cluster.model.ClusterState.Pkg;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 2 (and 5) of both procedures: guests (as packages) move between nodes, application packages
 * move between guest nodes. R5 decides where something may go.
 */
final class Moves {

  private Moves() {}

  @Checks({Rule.R5})
  static List<ClusterEvent> moveGuests(ClusterCommand.MoveGuests command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    if (cluster.topology() != Topology.GUESTS_AS_PACKAGES) {
      throw new InvalidInput(
          "topology",
          "guests move as packages only in GUESTS_AS_PACKAGES clusters; move application packages instead");
    }
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    if (command.awayFrom() != null) {
      return moveAllAway(cluster, actionId, Actions.host(cluster, command.awayFrom()));
    }
    if (command.guest() == null || command.toHost() == null) {
      throw new InvalidInput("toHost", "name a guest and toHost, or awayFrom");
    }
    var guest = Actions.guest(cluster, command.guest());
    refuseIfMoving(cluster, guest.name());
    if (guest.host().equals(command.toHost())) {
      throw new InvalidMoveTarget(
          "guest", guest.name(), command.toHost(), "the guest already runs there");
    }
    whyNotTarget(cluster, guest, command.toHost(), null)
        .ifPresent(
            reason -> {
              throw new InvalidMoveTarget("guest", guest.name(), command.toHost(), reason);
            });
    return List.of(move(cluster, actionId, guest, command.toHost()));
  }

  /** Each guest goes to the valid node running the fewest guests; ties go to the first by name. */
  private static List<ClusterEvent> moveAllAway(Registered cluster, String actionId, Host from) {
    var guests = cluster.guestsOn(from.name());
    if (guests.isEmpty()) {
      throw new NothingToDo("no guest runs on " + from.name());
    }
    var guestsPerHost = cluster.guestsPerHost();
    Map<String, Integer> load = new HashMap<>();
    cluster.hosts().keySet().forEach(h -> load.put(h, guestsPerHost.getOrDefault(h, 0)));
    var events = new ArrayList<ClusterEvent>();
    for (var guest : guests) {
      refuseIfMoving(cluster, guest.name());
      // a guest with a failover list goes where Serviceguard would fail it over: the first valid
      // node of its list; one without goes to the least loaded valid node
      var candidates =
          guest.failoverNodes() == null
              ? cluster.hosts().keySet().stream()
                  .sorted(Comparator.comparing((String h) -> load.get(h)).thenComparing(h -> h))
              : guest.failoverNodes().stream();
      var target =
          candidates
              .filter(h -> whyNotTarget(cluster, guest, h, from.name()).isEmpty())
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidMoveTarget(
                          "guest",
                          guest.name(),
                          "any node",
                          "no other node can take it: " + reasons(cluster, guest, from.name())));
      load.merge(target, 1, Integer::sum);
      events.add(move(cluster, Actions.part(actionId, guest.name()), guest, target));
    }
    return events;
  }

  /** R5: why {@code target} cannot take {@code guest}, if it cannot. */
  static Optional<String> whyNotTarget(
      Registered cluster, GuestNode guest, String target, String leaving) {
    var host = cluster.hosts().get(target);
    if (host == null) {
      return Optional.of("it is not a node of cluster " + cluster.clusterId());
    }
    if (target.equals(leaving) || target.equals(guest.host())) {
      return Optional.of("the guest is moving away from it");
    }
    if (!host.member()) {
      return Optional.of("node " + target + " is not a member of the cluster");
    }
    if (!guest.mayRunOn(target)) {
      return Optional.of(
          "node " + target + " is not in the guest's failover nodes " + guest.failoverNodes());
    }
    if (cluster.upgrading(target)) {
      return Optional.of("node " + target + " is being upgraded");
    }
    if (guest.hasKit4() && !host.upgraded()) {
      return Optional.of(
          "the guest has the 4.0 kit and node " + target + " still runs Integrity VM 3.x");
    }
    return Optional.empty();
  }

  private static String reasons(Registered cluster, GuestNode guest, String leaving) {
    return String.join(
        "; ",
        cluster.hosts().keySet().stream()
            .filter(h -> !h.equals(leaving))
            .map(h -> h + ": " + whyNotTarget(cluster, guest, h, leaving).orElse("ok"))
            .toList());
  }

  private static void refuseIfMoving(Registered cluster, String guest) {
    Actions.refuseIfPending(
        cluster,
        "guest " + guest,
        p -> p.action() instanceof HostAction.MoveGuest m && m.guest().equals(guest));
  }

  private static ClusterEvent move(
      Registered cluster, String actionId, GuestNode guest, String target) {
    return Actions.request(
        cluster,
        actionId,
        guest.host(),
        new HostAction.MoveGuest(guest.name(), guest.host(), target));
  }

  @Checks({Rule.R5})
  static List<ClusterEvent> movePackages(ClusterCommand.MovePackages command, Registered cluster) {
    var actionId = Actions.required(command.actionId());
    if (cluster.topology() != Topology.GUESTS_AS_NODES) {
      throw new InvalidInput(
          "topology",
          "application packages are moved in GUESTS_AS_NODES clusters; move guests instead");
    }
    if (Actions.alreadyAccepted(cluster, actionId)) {
      return List.of();
    }
    if (command.awayFromHost() != null) {
      var host = Actions.host(cluster, command.awayFromHost());
      var packages =
          cluster.guestsOn(host.name()).stream()
              .flatMap(g -> cluster.packagesOn(g.name()).stream())
              .toList();
      if (packages.isEmpty()) {
        throw new NothingToDo("no package runs on the guests of " + host.name());
      }
      var targets = new LinkedHashMap<Pkg, Optional<String>>();
      packages.forEach(pkg -> targets.put(pkg, targetAwayFrom(cluster, pkg, host.name())));
      var stranded =
          targets.entrySet().stream()
              .filter(target -> target.getValue().isEmpty())
              .map(target -> target.getKey().name())
              .toList();
      if (!stranded.isEmpty()) {
        // the drain is for halting these guest nodes: when that would lose quorum too, R6 is the
        // deeper reason, and both are named
        Membership.requireQuorumAfterHalting(
            cluster, host.name(), Membership.membersOn(cluster, host.name()), stranded);
      }
      var events = new ArrayList<ClusterEvent>();
      targets.forEach(
          (pkg, target) -> {
            refuseIfPackageMoving(cluster, pkg.name());
            var node =
                target.orElseThrow(
                    () ->
                        new InvalidMoveTarget(
                            "package",
                            pkg.name(),
                            "any eligible node",
                            "none of " + pkg.eligibleNodes() + " can take it"));
            events.add(movePackage(cluster, Actions.part(actionId, pkg.name()), pkg, node));
          });
      return events;
    }
    if (command.packageName() == null || command.toNode() == null) {
      throw new InvalidInput("toNode", "name a packageName and toNode, or awayFromHost");
    }
    var pkg = cluster.packages().get(command.packageName());
    if (pkg == null) {
      throw new NotFound("package", command.packageName());
    }
    refuseIfPackageMoving(cluster, pkg.name());
    whyNotPackageTarget(cluster, pkg, command.toNode(), null)
        .ifPresent(
            reason -> {
              throw new InvalidMoveTarget("package", pkg.name(), command.toNode(), reason);
            });
    return List.of(movePackage(cluster, actionId, pkg, command.toNode()));
  }

  /** The package's first eligible node that may take it while {@code host} is drained. */
  private static Optional<String> targetAwayFrom(Registered cluster, Pkg pkg, String host) {
    return pkg.eligibleNodes().stream()
        .filter(n -> whyNotPackageTarget(cluster, pkg, n, host).isEmpty())
        .findFirst();
  }

  /**
   * R5 for packages: the target must be a member guest node, not on a host being drained or
   * upgraded.
   */
  static Optional<String> whyNotPackageTarget(
      Registered cluster, Pkg pkg, String node, String leavingHost) {
    var guest = cluster.guests().get(node);
    if (guest == null) {
      return Optional.of("it is not a node of cluster " + cluster.clusterId());
    }
    if (node.equals(pkg.node())) {
      return Optional.of("the package already runs there");
    }
    if (!guest.member()) {
      return Optional.of("guest node " + node + " is not a member of the cluster");
    }
    if (guest.host().equals(leavingHost) || cluster.upgrading(guest.host())) {
      return Optional.of(
          "guest node "
              + node
              + " runs on host "
              + guest.host()
              + ", which is being drained or upgraded");
    }
    return Optional.empty();
  }

  private static void refuseIfPackageMoving(Registered cluster, String pkg) {
    Actions.refuseIfPending(
        cluster,
        "package " + pkg,
        p -> p.action() instanceof HostAction.MovePackage m && m.packageName().equals(pkg));
  }

  private static ClusterEvent movePackage(
      Registered cluster, String actionId, Pkg pkg, String target) {
    var host = cluster.guests().get(pkg.node()).host();
    return Actions.request(
        cluster, actionId, host, new HostAction.MovePackage(pkg.name(), pkg.node(), target));
  }
}
