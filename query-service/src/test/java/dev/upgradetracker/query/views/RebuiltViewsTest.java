package dev.upgradetracker.query.views;

import static dev.upgradetracker.query.views.ViewsDriver.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.views.ViewsTopology.Run;
import org.junit.jupiter.api.Test;

/** A rebuild folds the views its own way (written behind); what it folds must equal the live. */
class RebuiltViewsTest {

  @Test
  void aRebuildFoldsTheSameClusterViewsTeamSummariesAndActivityAsTheLiveViews() {
    try (var live = new ViewsDriver(Run.LIVE);
        var rebuilt = new ViewsDriver(Run.REBUILD)) {
      sendFleetHistory(live);
      sendFleetHistory(rebuilt);

      for (var clusterId : new String[] {"c1", "c2", "c3"}) {
        ClusterView expected = live.view(ClusterView.STORE, clusterId);
        assertThat(rebuilt.<ClusterView>view(ClusterView.STORE, clusterId)).isEqualTo(expected);
      }
      for (var team : new String[] {"alpha", "bravo"}) {
        TeamSummary expected = live.view(TeamSummary.STORE, team);
        TeamSummary summary = rebuilt.view(TeamSummary.STORE, team);
        assertThat(summary.withoutUpdateCount()).isEqualTo(expected.withoutUpdateCount());
        assertThat(rebuilt.<TeamActivity>view(TeamActivity.STORE, team))
            .isEqualTo(live.view(TeamActivity.STORE, team));
      }
      TeamSummary alpha = rebuilt.view(TeamSummary.STORE, "alpha");
      assertThat(alpha.clusters()).isEqualTo(2);
      assertThat(alpha.hostsOnIvm4()).isEqualTo(1);
      assertThat(alpha.guestKits4Installed()).isEqualTo(1);
    }
  }

  private static void sendFleetHistory(ViewsDriver driver) {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, cluster("c2", "alpha"));
    driver.send("bravo", 0, cluster("c3", "bravo"));
    driver.send("alpha", 1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));
    driver.send(1, "alpha", 1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));
    driver.send(
        "alpha",
        5,
        new NodeUpgraded("c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "u1"));
    driver.send("bravo", 6, new GuestMoved("c3", "g2", "h2", "h1", "a2"));
    driver.send("alpha", 7, new GuestKitInstalled("c2", "g1", "B.04.00", "k1"));
  }
}
