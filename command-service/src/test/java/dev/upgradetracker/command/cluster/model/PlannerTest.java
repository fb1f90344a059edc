package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.guest;
import static dev.upgradetracker.command.cluster.model.Clusters.host;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.InventoryWarning.Kind;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

  @Test
  void aGuestsAsPackagesClusterIsPlannedLeastLoadedNodeFirstEndingWithTheKits() {
    var plan = Planner.plan(registered(threeHostsAsPackages("c1")), UpgradeMode.UPDATE);

    // h2 (1 guest, ties h3 by name) drains to h3, leaving h1 and h3 at 2 guests: h1 by name
    assertThat(plan.nodeOrder()).containsExactly("h2", "h1", "h3");
    assertThat(plan.steps())
        .extracting(s -> s.command() + " " + s.subject())
        .containsExactly(
            "VerifyGuestsBoot c1",
            "BackUpGuests c1",
            "BackUpHost h2",
            "MoveGuests h2",
            "UpgradeNode h2",
            "InstallPatches h2",
            "BackUpHost h1",
            "MoveGuests h1",
            "UpgradeNode h1",
            "InstallPatches h1",
            "BackUpHost h3",
            "MoveGuests h3",
            "UpgradeNode h3",
            "InstallPatches h3",
            "InstallGuestKit every guest without it");
    assertThat(plan.steps().get(4).rulesChecked()).containsExactly("R1", "R2", "R3");
    assertThat(plan.steps().getLast().hostActions()).hasSize(4);
  }

  @Test
  void aGuestsAsNodesClusterHaltsAndRunsTheGuestNodesAroundEachUpgrade() {
    var plan = Planner.plan(registered(threeHostsAsNodes("c1", false)), UpgradeMode.UPDATE);

    assertThat(plan.steps())
        .extracting(s -> s.command() + " " + s.subject())
        .contains(
            "MovePackages h1",
            "HaltClusterNodes h1",
            "UpgradeNode h1",
            "InstallPatches h1",
            "RunClusterNodes h1");
    assertThat(plan.steps().getLast().command()).isEqualTo("InstallGuestKit");
  }

  @Test
  void aClusterWhoseMembersAllSitOnOneHostCannotBePlannedUnderR6() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_NODES,
            true,
            List.of(host("h1", 1), host("h2", 2)),
            List.of(guest("n1", "h1"), guest("n2", "h1")),
            List.of());

    assertThatThrownBy(() -> Planner.plan(registered(spec), UpgradeMode.UPDATE))
        .isInstanceOf(QuorumWouldBeLost.class);
  }

  @Test
  void drainingAHostWhoseGuestNodesAreEveryMemberNamesR6AndThePackagesWithNowhereToGo() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_NODES,
            true,
            List.of(host("h1", 1), host("h2", 2)),
            List.of(guest("n1", "h1"), guest("n2", "h1")),
            List.of(
                new AppPackage("p1", "n1", List.of("n2")),
                new AppPackage("p2", "n2", List.of("n1"))));

    assertThatThrownBy(() -> Planner.plan(registered(spec), UpgradeMode.UPDATE))
        .isInstanceOf(QuorumWouldBeLost.class)
        .hasMessage(
            "R6 quorum: halting the 2 guest node(s) on h1 would leave 0 of 2 members; besides,"
                + " R5: package(s) p1, p2 have no other node to go to");
  }

  @Test
  void aPlanNeverMovesAGuestToANodeOutsideItsFailoverNodes() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(host("h1", 1), host("h2", 2), host("h3", 3)),
            List.of(
                new Guest("g1", "h1", "A.03.50", List.of("h1", "h3")),
                new Guest("g2", "h2", "A.03.50", List.of("h2", "h1")),
                guest("g3", "h3")),
            List.of());

    var plan = Planner.plan(registered(spec), UpgradeMode.UPDATE);

    var moves =
        plan.steps().stream()
            .flatMap(step -> step.hostActions().stream())
            .filter(a -> a.contains("MoveGuest"))
            .toList();
    assertThat(moves).isNotEmpty();
    assertThat(moves)
        .filteredOn(a -> a.contains("guest=g1"))
        .noneMatch(a -> a.contains("toHost=h2"));
    assertThat(moves)
        .filteredOn(a -> a.contains("guest=g2"))
        .noneMatch(a -> a.contains("toHost=h3"));
  }

  @Test
  void aGuestLeftWithNoNodeOfItsListRefusesThePlanUnderR5NamingIt() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(host("h1", 1), host("h2", 2)),
            List.of(new Guest("g1", "h1", "A.03.50", List.of("h1")), guest("g2", "h2")),
            List.of());

    assertThatThrownBy(() -> Planner.plan(registered(spec), UpgradeMode.UPDATE))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageContaining("R5")
        .hasMessageContaining("g1")
        .hasMessageContaining("not in the guest's failover nodes [h1]");
  }

  @Test
  void aGuestThatAlreadyHasTheFourKitIsWarnedAboutAndItsHostTakenLastSoItMovesToAnUpgradedOne() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(host("h1", 1), host("h2", 2), host("h3", 3)),
            List.of(new Guest("g1", "h1", "B.04.00"), guest("g2", "h2"), guest("g3", "h3")),
            List.of());

    var plan = Planner.plan(registered(spec), UpgradeMode.UPDATE);

    assertThat(plan.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(Kind.KIT_BEFORE_LAST_HOST);
              assertThat(w.rule()).isEqualTo("R4");
              assertThat(w.guests()).containsExactly("g1");
            });
    assertThat(plan.nodeOrder()).containsExactly("h2", "h3", "h1");
    assertThat(moves(plan))
        .filteredOn(a -> a.contains("guest=g1"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsAnyOf("toHost=h2", "toHost=h3"));
  }

  @Test
  void fourKitGuestsOnEveryHostLeaveNoUpgradedHostToGoToAndRefuseThePlanUnderR5() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(host("h1", 1), host("h2", 2)),
            List.of(new Guest("g1", "h1", "B.04.00"), new Guest("g2", "h2", "B.04.00")),
            List.of());

    assertThatThrownBy(() -> Planner.plan(registered(spec), UpgradeMode.UPDATE))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageContaining("R5");
  }

  @Test
  void aHostOnFourZeroOverElevenTwentyThreeIsWarnedAboutAndUpgradedAgainOnBothTopologies() {
    var stray = new VmHost("h1", "127.0.0.1:1", "B.11.23", "B.04.00", "A.11.18");
    for (var topology : Topology.values()) {
      var guests =
          topology == Topology.GUESTS_AS_NODES
              ? List.of(guest("n1", "h1"), guest("n2", "h2"), guest("n3", "h3"))
              : List.of(guest("g1", "h1"), guest("g2", "h2"));
      var spec =
          Clusters.c1(
              topology, true, List.of(stray, host("h2", 2), host("h3", 3)), guests, List.of());

      var plan = Planner.plan(registered(spec), UpgradeMode.UPDATE);

      assertThat(plan.warnings())
          .extracting(InventoryWarning::kind)
          .containsExactly(Kind.INTEGRITY_VM_4_ON_11I_V2);
      assertThat(plan.nodeOrder()).as("%s", topology).contains("h1");
    }
  }

  @Test
  void aGuestNodeWithTheFourKitIsWarnedAboutOnGuestsAsNodesToo() {
    var spec =
        Clusters.c1(
            Topology.GUESTS_AS_NODES,
            true,
            List.of(host("h1", 1), host("h2", 2)),
            List.of(new Guest("n1", "h1", "B.04.00"), guest("n2", "h2")),
            List.of());

    var plan = Planner.plan(registered(spec), UpgradeMode.UPDATE);

    assertThat(plan.warnings())
        .extracting(InventoryWarning::kind)
        .containsExactly(Kind.KIT_BEFORE_LAST_HOST);
    assertThat(plan.nodeOrder()).containsExactly("h2", "h1");
    assertThat(plan.steps().getLast().hostActions()).singleElement().asString().contains("n2");
  }

  @Test
  void planningChangesNothing() {
    var cluster = registered(threeHostsAsPackages("c1"));

    Planner.plan(cluster, UpgradeMode.UPDATE);

    assertThat(cluster.hosts().values()).noneMatch(ClusterState.Host::upgraded);
  }

  private static List<String> moves(Plan plan) {
    return plan.steps().stream()
        .flatMap(step -> step.hostActions().stream())
        .filter(a -> a.contains("MoveGuest"))
        .toList();
  }

  private static ClusterState.Registered registered(ClusterSpec spec) {
    ClusterState state = new ClusterState.Unregistered();
    for (var event : ClusterDecider.decide(new RegisterCluster(spec), state)) {
      state = ClusterDecider.evolve(state, event);
    }
    return (ClusterState.Registered) state;
  }
}
