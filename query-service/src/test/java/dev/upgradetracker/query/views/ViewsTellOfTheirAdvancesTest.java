package dev.upgradetracker.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.web.ViewAdvances;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViewsTellOfTheirAdvancesTest {

  private final ViewAdvances advances = new ViewAdvances();
  private final ViewsDriver driver = new ViewsDriver(advances);

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aClusterEventWakesTheReadersOfThatClusterOnce() throws Exception {
    try (var c1 = advances.watch(ClusterView.STORE, "c1");
        var c2 = advances.watch(ClusterView.STORE, "c2")) {
      driver.send("alpha", 0, ViewsDriver.cluster("c1", "alpha"));

      assertThat(c1.awaitAdvance(0)).isTrue();
      assertThat(c1.awaitAdvance(0)).isFalse();
      assertThat(c2.awaitAdvance(0)).isFalse();
      assertThat(driver.<ClusterView>view(ClusterView.STORE, "c1")).isNotNull();
    }
  }

  @Test
  void aCampaignEventWakesTheReadersOfThatCampaignAndItsViewHoldsIt() throws Exception {
    try (var k1 = advances.watch(CampaignProgress.STORE, "k1");
        var k2 = advances.watch(CampaignProgress.STORE, "k2")) {
      driver.send(0, new ClusterAdmitted("k1", "c1"));

      assertThat(k1.awaitAdvance(0)).isTrue();
      assertThat(k2.awaitAdvance(0)).isFalse();
      assertThat(driver.<CampaignProgress>view(CampaignProgress.STORE, "k1").lastSequence())
          .isZero();
    }
  }
}
