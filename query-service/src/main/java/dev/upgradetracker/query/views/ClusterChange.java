package dev.upgradetracker.query.views;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.query.activity.ActivityEntry;
import dev.upgradetracker.query.cluster.ClusterView;

/**
 * One event's effect on its cluster's view; passed between processors of one task, never stored.
 *
 * @param before null for the cluster's first event
 */
record ClusterChange(EventEnvelope event, ClusterView before, ClusterView after) {

  /** The event as its team's activity feed lists it: as the view recorded it last. */
  ActivityEntry activity() {
    return after.activity().getLast();
  }

  /** Who the event's activity is shown to: the cluster's team, or the acting team before any. */
  String activityTeam() {
    return after.team() != null ? after.team() : event.team();
  }
}
