package dev.upgradetracker.query.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's recent activity across its clusters, newest last. {@code seen} keeps each cluster's last
 * position so that an entry delivered again is not listed twice; {@code updates} counts changes (a
 * live subscriber's position).
 */
public record TeamActivity(
    String team, List<ActivityEntry> entries, Map<String, Long> seen, long updates) {

  static final int ENTRIES_KEPT = 50;

  public static final TeamActivity NONE = new TeamActivity(null, List.of(), Map.of(), 0);

  public TeamActivity add(String ofTeam, ActivityEntry entry) {
    if (entry == null || entry.position() <= seen.getOrDefault(entry.clusterId(), -1L)) {
      return this;
    }
    var kept = new ArrayList<>(entries);
    kept.add(entry);
    var positions = new HashMap<>(seen);
    positions.put(entry.clusterId(), entry.position());
    return new TeamActivity(
        ofTeam,
        List.copyOf(kept.subList(Math.max(0, kept.size() - ENTRIES_KEPT), kept.size())),
        Map.copyOf(positions),
        updates + 1);
  }
}
