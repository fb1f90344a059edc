package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.guest;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovesTest {

  @Test
  void movingAGuestRequestsTheMoveOnTheNodeItRunsOn() {
    var events =
        ClusterDriver.registered(twoHostsThreeGuests("c1"))
            .request(new MoveGuests("c1", "g1", "h2", null, "a1"));

    assertThat(events)
        .containsExactly(
            new HostActionRequested(
                "c1", "a1", "h1", "127.0.0.1:22001", new HostAction.MoveGuest("g1", "h1", "h2")));
  }

  @Test
  void aSucceededMoveLeavesTheGuestOnItsNewNode() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));

    driver.run(new MoveGuests("c1", "g1", "h2", null, "a1"));

    assertThat(driver.state().guests().get("g1").host()).isEqualTo("h2");
  }

  @Test
  void refusesAMoveToANodeOutsideTheClusterUnderR5() {
    ClusterDriver.registered(twoHostsThreeGuests("c1"))
        .refuses(new MoveGuests("c1", "g1", "h9", null, "a1"))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(Rule.R5))
        .hasMessage(
            "R5 valid-move-target: guest g1 cannot move to h9: it is not a node of cluster c1");
  }

  @Test
  void refusesAMoveToTheNodeBeingUpgraded() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.request(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));

    driver
        .refuses(new MoveGuests("c1", "g1", "h3", null, "a1"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageEndingWith("node h3 is being upgraded");
  }

  @Test
  void refusesToMoveAGuestWithThe40KitToANodeStillOn3x() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(
                new VmHost("h1", "127.0.0.1:1", "B.11.31", "B.04.00", "A.11.18"),
                Clusters.host("h2", 2)),
            List.of(new Guest("g1", "h1", "B.04.00")),
            List.of());

    ClusterDriver.registered(spec)
        .refuses(new MoveGuests("c1", "g1", "h2", null, "a1"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageEndingWith("the guest has the 4.0 kit and node h2 still runs Integrity VM 3.x");
  }

  @Test
  void refusesAMoveToTheNodeTheGuestAlreadyRunsOn() {
    ClusterDriver.registered(twoHostsThreeGuests("c1"))
        .refuses(new MoveGuests("c1", "g1", "h1", null, "a1"))
        .hasMessageEndingWith("the guest already runs there");
  }

  @Test
  void refusesASecondMoveOfAGuestWhileTheFirstRuns() {
    var driver = ClusterDriver.registered(twoHostsThreeGuests("c1"));
    driver.request(new MoveGuests("c1", "g1", "h2", null, "a1"));

    driver
        .refuses(new MoveGuests("c1", "g1", "h2", null, "a2"))
        .isInstanceOf(ActionInProgress.class)
        .hasMessageContaining("a1");
  }

  @Test
  void drainingANodeSendsEachGuestToTheLeastLoadedValidNodeTiesByName() {
    var driver = ClusterDriver.registered(threeHostsAsPackages("c1"));

    var events = driver.request(new MoveGuests("c1", null, null, "h1", "drain"));

    assertThat(events)
        .extracting(e -> ((HostAction.MoveGuest) ((HostActionRequested) e).action()).toHost())
        .containsExactly("h2", "h3");
  }

  @Test
  void drainingRefusesWhenNoNodeCanTakeAGuest() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(Clusters.host("h1", 1)),
            List.of(guest("g1", "h1")),
            List.of());

    ClusterDriver.registered(spec)
        .refuses(new MoveGuests("c1", null, null, "h1", "a1"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageContaining("no other node can take it");
  }

  @Test
  void refusesAMoveToANodeOutsideTheGuestsFailoverNodesUnderR5() {
    var driver = ClusterDriver.registered(guestFailingOverTo("h1", "h3"));

    driver
        .refuses(new MoveGuests("c1", "g1", "h2", null, "m1"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageContaining("R5")
        .hasMessageContaining("not in the guest's failover nodes [h1, h3]");
  }

  @Test
  void drainingSendsAGuestWithFailoverNodesToItsFirstValidOneNotTheLeastLoaded() {
    var driver = ClusterDriver.registered(guestFailingOverTo("h1", "h3", "h2"));

    var events = driver.request(new MoveGuests("c1", null, null, "h1", "drain"));

    assertThat(events)
        .filteredOn(
            e ->
                ((HostActionRequested) e).action() instanceof HostAction.MoveGuest m
                    && m.guest().equals("g1"))
        .singleElement()
        .extracting(e -> ((HostAction.MoveGuest) ((HostActionRequested) e).action()).toHost())
        .isEqualTo("h3");
  }

  /** Hosts h1 (g1, g2), h2 (g3), h3 (g4, g5): g1 may run on {@code nodes} only. */
  private static ClusterSpec guestFailingOverTo(String... nodes) {
    return Clusters.c1(
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(Clusters.host("h1", 1), Clusters.host("h2", 2), Clusters.host("h3", 3)),
        List.of(
            new Guest("g1", "h1", "A.03.50", List.of(nodes)),
            guest("g2", "h1"),
            guest("g3", "h2"),
            guest("g4", "h3"),
            guest("g5", "h3")),
        List.of());
  }

  @Test
  void guestsDoNotMoveAsPackagesWhereTheyAreClusterNodes() {
    ClusterDriver.registered(threeHostsAsNodes("c1", false))
        .refuses(new MoveGuests("c1", "n1", "h2", null, "a1"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void packagesLeaveAHostForTheirFirstValidFailoverNode() {
    var driver = ClusterDriver.registered(threeHostsAsNodes("c1", false));

    var events = driver.request(new MovePackages("c1", null, null, "h2", "drain"));

    assertThat(events)
        .containsExactly(
            new HostActionRequested(
                "c1",
                "drain@p2",
                "h2",
                "127.0.0.1:22012",
                new HostAction.MovePackage("p2", "n3", "n5")));
  }

  @Test
  void drainingRefusesUnderR5APackageWithNoOtherNodeWhileQuorumHolds() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_NODES,
            false,
            List.of(Clusters.host("h1", 1), Clusters.host("h2", 2), Clusters.host("h3", 3)),
            List.of(guest("n1", "h1"), guest("n2", "h2"), guest("n3", "h3")),
            List.of(new AppPackage("p1", "n1", List.of())));

    ClusterDriver.registered(spec)
        .refuses(new MovePackages("c1", null, null, "h1", "drain"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageContaining("R5")
        .hasMessageContaining("p1");
  }

  @Test
  void refusesAPackageMoveToAGuestNodeThatLeftTheCluster() {
    var driver = ClusterDriver.registered(threeHostsAsNodes("c1", false));
    driver.run(new HaltClusterNodes("c1", "h3", "halt"));

    driver
        .refuses(new MovePackages("c1", "p1", "n5", null, "a1"))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageEndingWith("guest node n5 is not a member of the cluster");
  }
}
