package dev.upgradetracker.query.views;

import static dev.upgradetracker.query.views.ViewsDriver.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.team.TeamSummary;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamViewsTest {

  private final ViewsDriver driver = new ViewsDriver();

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aTeamsSummaryCountsItsClustersHostsAndKitsAsTheyChange() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, cluster("c2", "alpha"));
    driver.send("bravo", 0, cluster("c3", "bravo"));

    driver.send(
        "alpha",
        5,
        new NodeUpgraded("c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "u1"));

    TeamSummary alpha = driver.view(TeamSummary.STORE, "alpha");
    assertThat(alpha.clusters()).isEqualTo(2);
    assertThat(alpha.hosts()).isEqualTo(4);
    assertThat(alpha.hostsOnIvm4()).isEqualTo(1);
    assertThat(alpha.hostsOnIvm3()).isEqualTo(3);
    assertThat(alpha.guests()).isEqualTo(4);
    assertThat(alpha.clustersByPhase())
        .isEqualTo(Map.of(ClusterPhase.NOT_STARTED, 1, ClusterPhase.IN_PROGRESS, 1));
    TeamSummary bravo = driver.view(TeamSummary.STORE, "bravo");
    assertThat(bravo.clusters()).isEqualTo(1);
    assertThat(bravo.hostsOnIvm4()).isZero();
  }

  @Test
  void installedKitsCountForTheOwningTeam() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 1, new GuestKitInstalled("c1", "g1", "B.04.00", "k1"));

    TeamSummary alpha = driver.view(TeamSummary.STORE, "alpha");
    assertThat(alpha.guestKits4Installed()).isEqualTo(1);
  }

  @Test
  void aTeamsActivityFeedListsEachEventOfItsClustersOnce() {
    driver.send("alpha", 0, cluster("c1", "alpha"));
    driver.send("alpha", 0, cluster("c2", "alpha"));
    driver.send("alpha", 1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));

    driver.send(1, "alpha", 1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));

    TeamActivity feed = driver.view(TeamActivity.STORE, "alpha");
    assertThat(feed.entries())
        .extracting(e -> e.clusterId() + "@" + e.position() + " " + e.type())
        .containsExactly("c1@0 ClusterRegistered", "c2@0 ClusterRegistered", "c1@1 GuestMoved");
  }
}
