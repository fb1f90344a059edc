package dev.upgradetracker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetsTest {

  @Test
  void aClusterHasOneHostPerCountWithThatManyGuestsNamedAfterTheCluster() {
    var cluster = Fleets.cluster("c1").team("bravo").guestsPerHost(2, 0, 1).build();

    assertThat(cluster.team()).isEqualTo("bravo");
    assertThat(cluster.topology()).isEqualTo(Topology.GUESTS_AS_PACKAGES);
    assertThat(cluster.hosts())
        .containsExactly(
            new VmHost("c1-h1", "", "B.11.23", "A.03.50", "A.11.18"),
            new VmHost("c1-h2", "", "B.11.23", "A.03.50", "A.11.18"),
            new VmHost("c1-h3", "", "B.11.23", "A.03.50", "A.11.18"));
    assertThat(cluster.guests())
        .containsExactly(
            new Guest("c1-g1", "c1-h1", "A.03.50"),
            new Guest("c1-g2", "c1-h1", "A.03.50"),
            new Guest("c1-g3", "c1-h3", "A.03.50"));
    assertThat(cluster.packages()).isEmpty();
  }

  @Test
  void fleetUniqueHostsAreNamedAfterTheClusterAndReachedAtTheirNamesWhileGuestsStayLocal() {
    var cluster = Fleets.cluster("c3").localNames().fleetUniqueHosts().guestsPerHost(1, 0).build();

    assertThat(cluster.hosts())
        .extracting(VmHost::name, VmHost::sshAddress)
        .containsExactly(tuple("c3-h1", "c3-h1:22"), tuple("c3-h2", "c3-h2:22"));
    assertThat(cluster.guests()).containsExactly(new Guest("g1", "c3-h1", "A.03.50"));
  }

  @Test
  void localNamesPortsAndPackagesByGuestNumber() {
    var cluster =
        Fleets.cluster("c2")
            .localNames()
            .guestsAsNodes()
            .clusterLock(true)
            .guestNames("n")
            .guestsPerHost(1, 1, 1)
            .portsFrom(22011)
            .pkg(1, 3, 2)
            .build();

    assertThat(cluster.clusterLock()).isTrue();
    assertThat(cluster.hosts()).extracting(VmHost::name).containsExactly("h1", "h2", "h3");
    assertThat(cluster.hosts())
        .extracting(VmHost::sshAddress)
        .containsExactly("127.0.0.1:22011", "127.0.0.1:22012", "127.0.0.1:22013");
    assertThat(cluster.packages()).containsExactly(new AppPackage("p1", "n1", List.of("n3", "n2")));
  }

  @Test
  void aPackagePerGuestFailsOverToTheGuestsOnOtherHosts() {
    var cluster = Fleets.cluster("d").guestsAsNodes().guestsPerHost(2, 1).packagePerGuest().build();

    assertThat(cluster.packages())
        .containsExactly(
            new AppPackage("d-g1-app", "d-g1", List.of("d-g3")),
            new AppPackage("d-g2-app", "d-g2", List.of("d-g3")),
            new AppPackage("d-g3-app", "d-g3", List.of("d-g1", "d-g2")));
  }

  @Test
  void aMixedFleetTakesTurnsBetweenTopologiesWithThreeOrFourHosts() {
    var fleet = Fleets.mixed("m", "alpha", 4);

    assertThat(fleet).extracting(ClusterSpec::id).containsExactly("m0", "m1", "m2", "m3");
    assertThat(fleet)
        .extracting(ClusterSpec::topology)
        .containsExactly(
            Topology.GUESTS_AS_PACKAGES,
            Topology.GUESTS_AS_NODES,
            Topology.GUESTS_AS_PACKAGES,
            Topology.GUESTS_AS_NODES);
    assertThat(fleet).extracting(c -> c.hosts().size()).containsExactly(3, 3, 4, 4);
    assertThat(fleet.get(1).packages())
        .containsExactly(
            new AppPackage("m1-p1", "m1-g1", List.of("m1-g3", "m1-g5")),
            new AppPackage("m1-p2", "m1-g3", List.of("m1-g5", "m1-g1")));
    assertThat(fleet.get(3).packages())
        .containsExactly(
            new AppPackage("m3-p1", "m3-g1", List.of("m3-g2", "m3-g3")),
            new AppPackage("m3-p2", "m3-g2", List.of("m3-g3", "m3-g1")));
  }

  @Test
  void aMixedFleetAcrossSitesHasTheSameShapesEachSiteWithItsOwnDepot() {
    var fleet = Fleets.mixedAcrossSites("m", "alpha", 4, 2);

    assertThat(fleet)
        .extracting(c -> c.hosts().size())
        .containsExactlyElementsOf(
            Fleets.mixed("m", "alpha", 4).stream().map(c -> c.hosts().size()).toList());
    assertThat(fleet)
        .extracting(ClusterSpec::site)
        .containsExactly("site-0", "site-1", "site-0", "site-1");
    assertThat(fleet.get(1).hosts()).extracting(VmHost::depot).containsOnly("depot-1");
  }

  @Test
  void aFleetAtScaleHasThreeToFiveHostsAndFourToTwentyGuestsInBothTopologies() {
    var fleet = Fleets.atScale("s", "alpha", 12, 4);

    assertThat(fleet)
        .extracting(c -> c.hosts().size())
        .containsExactly(3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5);
    assertThat(fleet)
        .extracting(c -> c.guests().size())
        .containsExactly(4, 6, 10, 8, 20, 15, 4, 6, 10, 8, 20, 15);
    assertThat(fleet)
        .extracting(ClusterSpec::topology)
        .containsOnly(Topology.GUESTS_AS_PACKAGES, Topology.GUESTS_AS_NODES);
    assertThat(fleet).extracting(ClusterSpec::site).containsSequence("site-0", "site-1", "site-2");
    assertThat(fleet.get(5).hosts()).extracting(VmHost::depot).containsOnly("depot-1");
  }

  @Test
  void aClusterWithoutHostsOrWithANegativeGuestCountIsRefused() {
    assertThatThrownBy(() -> Fleets.cluster("x").guestsPerHost())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fleets.cluster("x").guestsPerHost(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
