package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RejoinNode;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeUpgradeTest {

  @Test
  void upgradingANodeBeforeItsGuestsWereVerifiedIsRefusedUnderR1() {
    var driver = ClusterDriver.registered(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.run(new BackUpHost("c1", "h3", "b"));

    driver
        .refuses(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"))
        .isInstanceOf(NotPrepared.class)
        .hasMessageStartingWith(
            "R1 prepared-before-upgrade: node h3 cannot be upgraded yet: guests g1, g2, g3, g4 not verified bootable; guests g1, g2, g3, g4 not backed up");
  }

  @Test
  void upgradingANodeThatWasNotBackedUpIsRefusedUnderR1() {
    var driver = ClusterDriver.registered(threeHostsAsPackages("c1"));
    driver.run(new VerifyGuestsBoot("c1", "v"));
    driver.run(new BackUpGuests("c1", "bg"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));

    driver
        .refuses(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"))
        .isInstanceOf(NotPrepared.class)
        .hasMessageEndingWith("host h3 not backed up");
  }

  @Test
  void upgradingANodeThatStillRunsGuestsIsRefusedUnderR2() {
    ClusterDriver.prepared(threeHostsAsPackages("c1"))
        .refuses(new UpgradeNode("c1", "h1", UpgradeMode.UPDATE, "up"))
        .isInstanceOf(NodeNotDrained.class)
        .hasMessage("R2 node-drained: host h1 still runs guests g1, g2");
  }

  @Test
  void upgradingAHostWhoseGuestNodesAreStillMembersIsRefusedUnderR2() {
    var driver = ClusterDriver.prepared(threeHostsAsNodes("c1", false));
    driver.run(new MovePackages("c1", null, null, "h1", "drain"));

    driver
        .refuses(new UpgradeNode("c1", "h1", UpgradeMode.UPDATE, "up"))
        .isInstanceOf(NodeNotDrained.class)
        .hasMessage("R2 node-drained: host h1 still has guest nodes n1, n2 in the cluster");
  }

  @Test
  void aSecondNodeUpgradeWhileOneIsInProgressIsRefusedUnderR3() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain3"));
    driver.request(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up3"));
    driver.run(new MoveGuests("c1", "g3", "h1", null, "m"));

    driver
        .refuses(new UpgradeNode("c1", "h2", UpgradeMode.UPDATE, "up2"))
        .isInstanceOf(AnotherNodeUpgrading.class)
        .hasMessage("R3 one-node-at-a-time: cannot start upgrading h2 while h3 is being upgraded");
  }

  @Test
  void aDrainedPreparedNodeIsUpdatedLeavingServiceguard1118Alone() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));

    var events = driver.run(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));

    assertThat(events.getFirst())
        .isEqualTo(new NodeUpgradeStarted("c1", "h3", UpgradeMode.UPDATE, false, "up"));
    assertThat(((HostActionRequested) events.get(1)).action())
        .isEqualTo(new HostAction.UpdateNode(UpgradeMode.UPDATE, false));
    assertThat(events.getLast())
        .isEqualTo(
            new NodeUpgraded(
                "c1", "h3", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "up"));
    assertThat(driver.state().nodeUpgrading()).isEmpty();
  }

  @Test
  void aClusterOnServiceguardOlderThan1118GetsServiceguardUpdatedToo() {
    var spec =
        new ClusterSpec(
            "c1",
            "alpha",
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(
                new VmHost("h1", "127.0.0.1:1", "B.11.23", "A.03.50", "A.11.17"),
                Clusters.host("h2", 2)),
            List.of(),
            List.of());
    var driver = ClusterDriver.registered(spec);
    driver.run(new BackUpHost("c1", "h1", "b"));

    var events = driver.run(new UpgradeNode("c1", "h1", UpgradeMode.UPDATE, "up"));

    assertThat(events.getLast())
        .isEqualTo(
            new NodeUpgraded(
                "c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "up"));
  }

  @Test
  void aFailedUpdateKeepsTheNodeInUpgradeAndMayBeRetried() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.request(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));
    driver.report("up", ActionStatus.FAILED);

    assertThat(driver.state().nodeUpgrading()).contains("h3");
    var retry = driver.request(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up-again"));
    assertThat(retry).singleElement().isInstanceOf(HostActionRequested.class);
  }

  @Test
  void aColdMigratedNodeLeavesTheClusterAndRejoinsOnlyOnceNoHostRuns3xUnderR7() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.run(new UpgradeNode("c1", "h3", UpgradeMode.COLD_MIGRATE, "cold"));

    assertThat(driver.state().hosts().get("h3").member()).isFalse();
    driver
        .refuses(new RejoinNode("c1", "h3"))
        .isInstanceOf(ConfigChangeWhileMixed.class)
        .hasMessage(
            "R7 no-config-change-in-mixed-mode: cannot re-add cold-migrated node h3 to the cluster while hosts h1, h2 still run Integrity VM 3.x");

    for (var host : List.of("h1", "h2")) {
      driver.run(new MoveGuests("c1", null, null, host, "drain-" + host));
      driver.run(new UpgradeNode("c1", host, UpgradeMode.UPDATE, "up-" + host));
    }
    assertThat(driver.decide(new RejoinNode("c1", "h3")))
        .containsExactly(new NodeRejoinedCluster("c1", "h3"));
  }

  @Test
  void patchesGoOnANodeOnlyAfterItsUpgrade() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));

    driver.refuses(new InstallPatches("c1", "h3", "p")).isInstanceOf(OutOfOrder.class);
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.run(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));
    driver.run(new InstallPatches("c1", "h3", "p"));
    assertThat(driver.state().hosts().get("h3").patched()).isTrue();
  }

  @Test
  void guestNodesHaltedForTheUpgradeMayNotRestartWhileTheHostIsUpgraded() {
    var driver = ClusterDriver.prepared(threeHostsAsNodes("c1", false));
    driver.run(new MovePackages("c1", null, null, "h1", "drain"));
    driver.run(new HaltClusterNodes("c1", "h1", "halt"));
    driver.request(new UpgradeNode("c1", "h1", UpgradeMode.UPDATE, "up"));

    driver.refuses(new RunClusterNodes("c1", "h1", "run")).isInstanceOf(OutOfOrder.class);
  }
}
