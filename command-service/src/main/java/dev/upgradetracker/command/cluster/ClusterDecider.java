package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.cluster.ClusterState.PendingAction;
import dev.upgradetracker.command.cluster.ClusterState.Registered;
import dev.upgradetracker.command.cluster.ClusterState.Unregistered;
import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.InvalidMoveTarget;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RequestGuestMove;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Cluster aggregate's rules: pure functions, no I/O. */
public final class ClusterDecider {

  private ClusterDecider() {}

  /** The events a command causes in {@code state}, or a {@code CommandRefused} thrown. */
  public static List<ClusterEvent> decide(ClusterCommand command, ClusterState state) {
    return switch (command) {
      case RegisterCluster register -> register(register, state);
      case RequestGuestMove move -> requestMove(move, registered(state, move.clusterId()));
      case RecordActionResult report -> recordResult(report, registered(state, report.clusterId()));
    };
  }

  public static ClusterState evolve(ClusterState state, ClusterEvent event) {
    return switch (event) {
      case ClusterRegistered registered ->
          new Registered(
              registered.clusterId(),
              registered.team(),
              registered.topology(),
              registered.hosts().stream()
                  .collect(Collectors.toMap(VmHost::name, Function.identity(), (a, b) -> a, LinkedHashMap::new)),
              registered.guests().stream()
                  .collect(Collectors.toMap(Guest::name, Guest::host, (a, b) -> a, LinkedHashMap::new)),
              Map.of(),
              Set.of());
      case HostActionRequested requested -> {
        var cluster = (Registered) state;
        var pending = new HashMap<>(cluster.pendingActions());
        pending.put(
            requested.actionId(),
            new PendingAction(requested.actionId(), requested.host(), requested.action()));
        yield withActions(cluster, pending, cluster.finishedActions());
      }
      case HostActionSucceeded succeeded -> finish((Registered) state, succeeded.actionId());
      case HostActionFailed failed -> finish((Registered) state, failed.actionId());
      case GuestMoved moved -> {
        var cluster = (Registered) state;
        var guestHosts = new LinkedHashMap<>(cluster.guestHosts());
        guestHosts.put(moved.guest(), moved.toHost());
        yield new Registered(
            cluster.clusterId(),
            cluster.team(),
            cluster.topology(),
            cluster.hosts(),
            guestHosts,
            cluster.pendingActions(),
            cluster.finishedActions());
      }
    };
  }

  private static List<ClusterEvent> register(RegisterCluster command, ClusterState state) {
    var spec = command.cluster();
    if (spec == null) {
      throw new InvalidInput("cluster", "is required");
    }
    ClusterSpecValidation.check(spec);
    if (state instanceof Registered) {
      throw new AlreadyExists("cluster", spec.id());
    }
    var guests = spec.guests() == null ? List.<Guest>of() : spec.guests();
    return List.of(
        new ClusterRegistered(spec.id(), spec.team(), spec.topology(), spec.hosts(), guests));
  }

  private static List<ClusterEvent> requestMove(RequestGuestMove move, Registered cluster) {
    if (move.actionId() == null || move.actionId().isBlank()) {
      throw new InvalidInput("actionId", "is required");
    }
    if (isKnownAction(cluster, move.actionId())) {
      return List.of();
    }
    var from = cluster.guestHosts().get(move.guest());
    if (from == null) {
      throw new NotFound("guest", move.guest());
    }
    if (move.toHost() == null || move.toHost().isBlank()) {
      throw new InvalidInput("toHost", "is required");
    }
    if (cluster.topology() != Topology.GUESTS_AS_PACKAGES) {
      throw new InvalidMoveTarget(
          move.guest(), move.toHost(), "in a GUESTS_AS_NODES cluster guests do not move as packages");
    }
    if (!cluster.hosts().containsKey(move.toHost())) {
      throw new InvalidMoveTarget(move.guest(), move.toHost(), "it is not a node of cluster " + cluster.clusterId());
    }
    if (from.equals(move.toHost())) {
      throw new InvalidMoveTarget(move.guest(), move.toHost(), "the guest already runs there");
    }
    for (var pending : cluster.pendingActions().values()) {
      if (pending.action() instanceof HostAction.MoveGuest other && other.guest().equals(move.guest())) {
        throw new ActionInProgress("guest " + move.guest(), pending.actionId());
      }
    }
    var runsOn = cluster.hosts().get(from);
    return List.of(
        new HostActionRequested(
            cluster.clusterId(),
            move.actionId(),
            runsOn.name(),
            runsOn.sshAddress(),
            new HostAction.MoveGuest(move.guest(), from, move.toHost())));
  }

  private static List<ClusterEvent> recordResult(RecordActionResult report, Registered cluster) {
    var result = report.result();
    var pending = cluster.pendingActions().get(result.actionId());
    if (pending == null) {
      // unknown or already reported: results arrive at least once, their effect happens once
      return List.of();
    }
    var events = new ArrayList<ClusterEvent>();
    if (result.outcome().status() == ActionStatus.FAILED) {
      events.add(new HostActionFailed(cluster.clusterId(), result.actionId(), pending.host(), result.outcome()));
      return events;
    }
    events.add(new HostActionSucceeded(cluster.clusterId(), result.actionId(), pending.host(), result.outcome()));
    switch (pending.action()) {
      case HostAction.MoveGuest move ->
          events.add(
              new GuestMoved(cluster.clusterId(), move.guest(), move.fromHost(), move.toHost(), result.actionId()));
    }
    return events;
  }

  private static Registered registered(ClusterState state, String clusterId) {
    return switch (state) {
      case Registered registered -> registered;
      case Unregistered unregistered -> throw new NotFound("cluster", clusterId);
    };
  }

  private static boolean isKnownAction(Registered cluster, String actionId) {
    return cluster.pendingActions().containsKey(actionId) || cluster.finishedActions().contains(actionId);
  }

  private static Registered finish(Registered cluster, String actionId) {
    var pending = new HashMap<>(cluster.pendingActions());
    pending.remove(actionId);
    var finished = new HashSet<>(cluster.finishedActions());
    finished.add(actionId);
    return withActions(cluster, pending, finished);
  }

  private static Registered withActions(
      Registered cluster, Map<String, PendingAction> pending, Set<String> finished) {
    return new Registered(
        cluster.clusterId(),
        cluster.team(),
        cluster.topology(),
        cluster.hosts(),
        cluster.guestHosts(),
        Map.copyOf(pending),
        Set.copyOf(finished));
  }
}
