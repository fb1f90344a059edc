package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBootVerified;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostBackedUp;
import dev.upgradetracker.events.cluster.HostAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparationTest {

  @Test
  void verifyingGuestsBootAsksEachHostForItsOwnGuests() {
    var events =
        ClusterDriver.registered(twoHostsThreeGuests("c1"))
            .request(new VerifyGuestsBoot("c1", "v1"));

    assertThat(events)
        .containsExactly(
            new HostActionRequested(
                "c1",
                "v1@h1",
                "h1",
                "127.0.0.1:22001",
                new HostAction.VerifyGuestsBoot(List.of("g1", "g2"))),
            new HostActionRequested(
                "c1",
                "v1@h2",
                "h2",
                "127.0.0.1:22002",
                new HostAction.VerifyGuestsBoot(List.of("g3"))));
  }

  @Test
  void guestsCountAsVerifiedOnceTheirHostReportedSuccess() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));

    var events = driver.run(new VerifyGuestsBoot("c1", "v1"));

    assertThat(events).filteredOn(GuestsBootVerified.class::isInstance).hasSize(2);
    assertThat(driver.state().guests().values()).allMatch(ClusterState.GuestNode::bootVerified);
  }

  @Test
  void backingUpGuestsAndAHostIsRecorded() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));

    driver.run(new BackUpGuests("c1", "b1"));
    var events = driver.run(new BackUpHost("c1", "h1", "b2"));

    assertThat(events).last().isEqualTo(new HostBackedUp("c1", "h1", "b2"));
    assertThat(driver.state().guests().values()).allMatch(ClusterState.GuestNode::backedUp);
    assertThat(driver.state().hosts().get("h2").backedUp()).isFalse();
  }

  @Test
  void repeatingAStepWithTheSameActionIdChangesNothing() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.request(new VerifyGuestsBoot("c1", "v1"));

    assertThat(driver.decide(new VerifyGuestsBoot("c1", "v1"))).isEmpty();
  }

  @Test
  void backingUpAnUnknownHostIsNotFound() {
    ClusterDriver.registered(twoHostsThreeGuests("c1"))
        .refuses(new BackUpHost("c1", "h9", "b1"))
        .hasMessage("host h9 does not exist");
  }
}
