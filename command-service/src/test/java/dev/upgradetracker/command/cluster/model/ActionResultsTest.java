package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import org.junit.jupiter.api.Test;

class ActionResultsTest {

  @Test
  void aMoveTheProbeFoundDoneStillMovesTheGuest() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.request(new MoveGuests("c1", "g1", "h2", null, "a1"));

    var events = driver.report("a1", ActionStatus.ALREADY_DONE);

    assertThat(events.getFirst()).isInstanceOf(HostActionSucceeded.class);
    assertThat(events.getLast()).isEqualTo(new GuestMoved("c1", "g1", "h1", "h2", "a1"));
  }

  @Test
  void aFailedMoveLeavesTheGuestWhereItWas() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.request(new MoveGuests("c1", "g1", "h2", null, "a1"));

    assertThat(driver.report("a1", ActionStatus.FAILED))
        .singleElement()
        .isInstanceOf(HostActionFailed.class);
    assertThat(driver.state().guests().get("g1").host()).isEqualTo("h1");
  }

  @Test
  void aRepeatedReportIsRecordedOnce() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.request(new MoveGuests("c1", "g1", "h2", null, "a1"));
    driver.report("a1", ActionStatus.SUCCEEDED);

    assertThat(driver.report("a1", ActionStatus.SUCCEEDED)).isEmpty();
  }

  @Test
  void aReportOfAnUnknownActionChangesNothing() {
    assertThat(
            ClusterDriver.registered(twoHostsThreeGuests("c1"))
                .report("never-asked", ActionStatus.SUCCEEDED))
        .isEmpty();
  }
}
