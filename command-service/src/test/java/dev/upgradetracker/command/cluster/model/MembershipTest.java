package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.guest;
import static dev.upgradetracker.command.cluster.model.Clusters.host;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesHalted;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

  @Test
  void theGuestNodesOfAHostLeaveTheClusterTogether() {
    var driver = ClusterDriver.registered(threeHostsAsNodes("c1", false));

    var events = driver.run(new HaltClusterNodes("c1", "h3", "halt"));

    assertThat(events)
        .last()
        .isEqualTo(new ClusterNodesHalted("c1", "h3", List.of("n5", "n6"), "halt"));
    assertThat(driver.state().guests().get("n5").member()).isFalse();
  }

  @Test
  void haltingGuestNodesThatStillRunPackagesIsRefusedUnderR2() {
    ClusterDriver.registered(threeHostsAsNodes("c1", false))
        .refuses(new HaltClusterNodes("c1", "h1", "halt"))
        .isInstanceOf(NodeNotDrained.class)
        .hasMessage("R2 node-drained: host h1 still runs packages p1 on its guest nodes");
  }

  @Test
  void haltingNodesThatWouldLeaveNoMajorityIsRefusedUnderR6() {
    var driver =
        ClusterDriver.registered(asNodes(false, List.of(guest("n1", "h1"), guest("n2", "h2"))));

    driver
        .refuses(new HaltClusterNodes("c1", "h1", "halt"))
        .isInstanceOf(QuorumWouldBeLost.class)
        .hasMessage(
            "R6 quorum: halting the 1 guest node(s) on h1 would leave 1 of 2 members and the cluster has no lock");
  }

  @Test
  void losingExactlyHalfIsAllowedWithAClusterLock() {
    var driver =
        ClusterDriver.registered(asNodes(true, List.of(guest("n1", "h1"), guest("n2", "h2"))));

    assertThat(driver.decide(new HaltClusterNodes("c1", "h1", "halt"))).hasSize(1);
  }

  @Test
  void aClusterWhoseMembersAllSitOnOneHostCannotBeHaltedEvenWithALock() {
    var driver =
        ClusterDriver.registered(asNodes(true, List.of(guest("n1", "h1"), guest("n2", "h1"))));

    driver.refuses(new HaltClusterNodes("c1", "h1", "halt")).isInstanceOf(QuorumWouldBeLost.class);
  }

  @Test
  void haltedGuestNodesRunAndRejoin() {
    var driver = ClusterDriver.registered(threeHostsAsNodes("c1", false));
    driver.run(new MovePackages("c1", null, null, "h1", "drain"));
    driver.run(new HaltClusterNodes("c1", "h1", "halt"));

    driver.run(new RunClusterNodes("c1", "h1", "run"));

    assertThat(driver.state().guests().get("n1").member()).isTrue();
    assertThat(driver.state().guests().get("n2").member()).isTrue();
  }

  private static ClusterSpec asNodes(boolean lock, List<Guest> guests) {
    return new ClusterSpec(
        "c1",
        "alpha",
        Topology.GUESTS_AS_NODES,
        lock,
        List.of(host("h1", 1), host("h2", 2)),
        guests,
        List.of());
  }
}
