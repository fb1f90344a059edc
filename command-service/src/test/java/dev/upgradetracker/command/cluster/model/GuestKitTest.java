package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.fleet.UpgradeMode;
import org.junit.jupiter.api.Test;

class GuestKitTest {

  /** The seed's warning: a failover would land the guest on a host that cannot run it. */
  @Test
  void installingAKitWhileAnyHostStillRunsIntegrityVm3xIsRefusedUnderR4() {
    var driver = ClusterDriver.prepared(twoHostsThreeGuests("c1"));
    driver.run(new MoveGuests("c1", null, null, "h2", "drain"));
    driver.run(new UpgradeNode("c1", "h2", UpgradeMode.UPDATE, "up"));

    driver
        .refuses(new InstallGuestKit("c1", "g3", "kit"))
        .isInstanceOf(KitBeforeLastHost.class)
        .hasMessage(
            "R4 kit-after-last-host: cannot install the 4.0 guest kit on g3 while hosts h1 still run Integrity VM 3.x (a failover would land the guest on a host that cannot run it)");
  }

  @Test
  void afterTheLastHostEveryGuestGetsTheKitOnItsOwnHost() {
    var driver = upgradedEverywhere();

    var events = driver.request(new InstallGuestKit("c1", null, "kits"));

    assertThat(events)
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).isInstanceOf(HostActionRequested.class));
    driver.report("kits@g1", ActionStatus.SUCCEEDED);
    assertThat(driver.history())
        .last()
        .isEqualTo(new GuestKitInstalled("c1", "g1", "B.04.00", "kits@g1"));
  }

  @Test
  void aGuestThatHasTheKitIsNotGivenItAgain() {
    var driver = upgradedEverywhere();
    driver.run(new InstallGuestKit("c1", "g1", "kit1"));

    driver.refuses(new InstallGuestKit("c1", "g1", "kit2")).isInstanceOf(NothingToDo.class);
  }

  private static ClusterDriver upgradedEverywhere() {
    var driver = ClusterDriver.prepared(twoHostsThreeGuests("c1"));
    driver.run(new MoveGuests("c1", null, null, "h2", "drain2"));
    driver.run(new UpgradeNode("c1", "h2", UpgradeMode.UPDATE, "up2"));
    driver.run(new MoveGuests("c1", null, null, "h1", "drain1"));
    driver.run(new UpgradeNode("c1", "h1", UpgradeMode.UPDATE, "up1"));
    return driver;
  }
}
