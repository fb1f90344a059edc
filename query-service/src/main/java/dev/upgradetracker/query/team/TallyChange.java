package dev.upgradetracker.query.team;

import dev.upgradetracker.query.cluster.ClusterView;
import java.util.List;
import java.util.Objects;

/**
 * What one cluster change does to one team's summary: its old tally leaves, its new one joins. Only
 * a change of tally is sent, to the team's instance; a cluster moving to another team sends one
 * change to each.
 *
 * @param before null when the cluster joins the team
 * @param after null when the cluster leaves the team
 */
public record TallyChange(ClusterTally before, ClusterTally after) {

  public static List<TallyChange> between(ClusterView before, ClusterView after) {
    var was = tallyOf(before);
    var is = tallyOf(after);
    if (Objects.equals(was, is)) {
      return List.of();
    }
    if (was == null || is == null || was.team().equals(is.team())) {
      return List.of(new TallyChange(was, is));
    }
    return List.of(new TallyChange(was, null), new TallyChange(null, is));
  }

  private static ClusterTally tallyOf(ClusterView view) {
    return view == null || view.team() == null ? null : ClusterTally.of(view);
  }

  public String team() {
    return after != null ? after.team() : before.team();
  }

  public TeamSummary applyTo(TeamSummary summary) {
    var without = before == null ? summary : summary.subtract(team(), before);
    return after == null ? without : without.add(team(), after);
  }
}
