package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.cluster.model.ClusterDecider;
import dev.upgradetracker.command.cluster.model.ClusterState;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.cluster.ClusterEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A cluster's state folded from its history in the event store, for reading; nothing is written.
 */
public final class ClusterHistory {

  private ClusterHistory() {}

  public static ClusterState.Registered load(EventStore events, String clusterId) {
    ClusterState state = new ClusterState.Unregistered();
    var history = events.readEvents(clusterId, 0);
    // an id a campaign holds has no cluster events: no such cluster
    while (history.hasNext() && history.peek().getPayload() instanceof ClusterEvent event) {
      state = ClusterDecider.evolve(state, event);
      history.next();
    }
    if (!(state instanceof ClusterState.Registered cluster)) {
      throw new NotFound("cluster", clusterId);
    }
    return cluster;
  }
}
