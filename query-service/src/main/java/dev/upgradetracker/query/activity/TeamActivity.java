package dev.upgradetracker.query.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A team's latest events across its clusters, oldest first: the newest {@link #ENTRIES_KEPT} by
 * event time. Its clusters' events arrive interleaved in no fixed order (they live in different
 * partitions), so the feed is kept sorted: the same events give the same feed, live or rebuilt, and
 * an event delivered again is already there.
 */
public record TeamActivity(String team, List<ActivityEntry> entries) {

  /** The Kafka Streams store this view is kept in. */
  public static final String STORE = "team-activity";

  static final int ENTRIES_KEPT = 50;

  public static final TeamActivity NONE = new TeamActivity(null, List.of());

  private static final Comparator<ActivityEntry> BY_TIME =
      Comparator.comparing(ActivityEntry::at)
          .thenComparing(ActivityEntry::clusterId)
          .thenComparingLong(ActivityEntry::position);

  public TeamActivity add(String ofTeam, ActivityEntry entry) {
    if (entries.stream()
        .anyMatch(
            e -> e.clusterId().equals(entry.clusterId()) && e.position() == entry.position())) {
      return this;
    }
    var kept = new ArrayList<>(entries);
    kept.add(entry);
    // mostly the newest, already in place: sorting is for what came in out of order
    if (kept.size() > 1 && BY_TIME.compare(kept.get(kept.size() - 2), entry) > 0) {
      kept.sort(BY_TIME);
    }
    return new TeamActivity(
        ofTeam, List.copyOf(kept.subList(Math.max(0, kept.size() - ENTRIES_KEPT), kept.size())));
  }
}
