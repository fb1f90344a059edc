package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.events.cluster.ClusterCommand.AttachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.DetachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import org.junit.jupiter.api.Test;

class OwnershipAndCampaignTest {

  @Test
  void anotherTeamMayNotCommandTheClusterUnderR8() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));

    assertThatThrownBy(
            () ->
                ClusterDecider.checkOwner(
                    new MoveGuests("c1", "g1", "h2", null, "a"), driver.state(), "bravo", false))
        .isInstanceOf(NotOwner.class)
        .hasMessage("R8 owner-only: cluster c1 belongs to team alpha; team bravo may only read it");
    assertThatCode(
            () ->
                ClusterDecider.checkOwner(
                    new MoveGuests("c1", "g1", "h2", null, "a"), driver.state(), "alpha", false))
        .doesNotThrowAnyException();
  }

  @Test
  void aTeamMayRegisterClustersForItselfOnly() {
    assertThatThrownBy(
            () ->
                ClusterDecider.checkOwner(
                    new RegisterCluster(twoHostsThreeGuests("c1")),
                    new ClusterState.Unregistered(),
                    "bravo",
                    false))
        .isInstanceOf(NotOwner.class);
  }

  @Test
  void anAdminRegistersAndUpdatesClustersOfAnyTeamButCommandsNone() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));

    assertThatCode(
            () ->
                ClusterDecider.checkOwner(
                    new RegisterCluster(twoHostsThreeGuests("c2")),
                    new ClusterState.Unregistered(),
                    "",
                    true))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ClusterDecider.checkOwner(
                    new UpdateCluster(twoHostsThreeGuests("c1")), driver.state(), "", true))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ClusterDecider.checkOwner(
                    new MoveGuests("c1", "g1", "h2", null, "a"), driver.state(), "", true))
        .isInstanceOf(NotOwner.class);
  }

  @Test
  void aClusterTakesPartInOneCampaignAtATimeUnderR9() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.run(new AttachCampaign("c1", "spring"));

    assertThat(driver.decide(new AttachCampaign("c1", "spring"))).isEmpty();
    driver
        .refuses(new AttachCampaign("c1", "autumn"))
        .isInstanceOf(CampaignAlreadyActive.class)
        .hasMessage(
            "R9 one-campaign-per-cluster: cluster c1 is already in campaign spring; campaign autumn cannot start on it");

    driver.run(new DetachCampaign("c1", "spring"));
    assertThat(driver.decide(new AttachCampaign("c1", "autumn")))
        .containsExactly(new CampaignAttached("c1", "autumn"));
  }
}
