package dev.upgradetracker.query.cluster;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.query.cluster.ClusterView.ActionView;
import dev.upgradetracker.query.cluster.ClusterView.GuestView;
import dev.upgradetracker.query.cluster.ClusterView.HostView;
import java.util.ArrayList;
import java.util.List;

/** Folds a cluster's events into its {@link ClusterView}: a pure function. */
public final class ClusterProjection {

  /** How many host actions a view keeps, newest last. */
  static final int ACTIONS_KEPT = 50;

  private ClusterProjection() {}

  public static ClusterView apply(ClusterView view, EventEnvelope envelope) {
    if (envelope.sequence() <= view.lastSequence()) {
      return view;
    }
    var next = fold(view, envelope.event());
    return new ClusterView(
        next.clusterId(),
        next.team(),
        next.topology(),
        next.hosts(),
        next.guests(),
        next.actions(),
        envelope.sequence(),
        envelope.timestamp());
  }

  private static ClusterView fold(ClusterView view, ClusterEvent event) {
    return switch (event) {
      case ClusterRegistered registered ->
          new ClusterView(
              registered.clusterId(),
              registered.team(),
              registered.topology(),
              registered.hosts().stream()
                  .map(h -> new HostView(h.name(), h.hpuxVersion(), h.ivmVersion(), h.serviceguardVersion()))
                  .toList(),
              registered.guests().stream()
                  .map(g -> new GuestView(g.name(), g.host(), g.kitVersion()))
                  .toList(),
              view.actions(),
              view.lastSequence(),
              view.lastEventAt());
      case HostActionRequested requested ->
          withActions(
              view,
              append(
                  view.actions(),
                  new ActionView(requested.actionId(), requested.host(), summary(requested.action()), "REQUESTED", null, null)));
      case HostActionSucceeded succeeded -> finish(view, succeeded.actionId(), succeeded.outcome());
      case HostActionFailed failed -> finish(view, failed.actionId(), failed.outcome());
      case GuestMoved moved ->
          new ClusterView(
              view.clusterId(),
              view.team(),
              view.topology(),
              view.hosts(),
              view.guests().stream()
                  .map(g -> g.name().equals(moved.guest()) ? new GuestView(g.name(), moved.toHost(), g.kitVersion()) : g)
                  .toList(),
              view.actions(),
              view.lastSequence(),
              view.lastEventAt());
    };
  }

  private static String summary(HostAction action) {
    return switch (action) {
      case HostAction.MoveGuest move -> "move guest " + move.guest() + " from " + move.fromHost() + " to " + move.toHost();
    };
  }

  private static ClusterView finish(ClusterView view, String actionId, ActionOutcome outcome) {
    var actions =
        view.actions().stream()
            .map(
                a ->
                    a.actionId().equals(actionId)
                        ? new ActionView(a.actionId(), a.host(), a.summary(), outcome.status().name(), outcome.exitCode(), outcome.output())
                        : a)
            .toList();
    return withActions(view, actions);
  }

  private static List<ActionView> append(List<ActionView> actions, ActionView action) {
    var next = new ArrayList<>(actions);
    next.add(action);
    return List.copyOf(next.subList(Math.max(0, next.size() - ACTIONS_KEPT), next.size()));
  }

  private static ClusterView withActions(ClusterView view, List<ActionView> actions) {
    return new ClusterView(
        view.clusterId(), view.team(), view.topology(), view.hosts(), view.guests(), actions, view.lastSequence(), view.lastEventAt());
  }
}
