package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationTest {

  @Test
  void registersAClusterOfEachTopology() {
    assertThat(ClusterDriver.registered(twoHostsThreeGuests("c1")).history())
        .singleElement()
        .isInstanceOf(ClusterRegistered.class);
    var nodes = ClusterDriver.registered(threeHostsAsNodes("c2", false));
    assertThat(nodes.state().guests().get("n1").member()).isTrue();
    assertThat(nodes.state().packages().get("p1").node()).isEqualTo("n1");
  }

  @Test
  void refusesToRegisterAClusterTwice() {
    ClusterDriver.registered(twoHostsThreeGuests("c1"))
        .refuses(new RegisterCluster(twoHostsThreeGuests("c1")))
        .isInstanceOf(AlreadyExists.class)
        .hasMessage("cluster c1 already exists");
  }

  @Test
  void refusesAGuestOnAnUnknownHostNamingTheField() {
    var spec = twoHostsThreeGuests("c1");
    var broken =
        new ClusterSpec(
            "c1",
            "alpha",
            spec.topology(),
            false,
            spec.hosts().subList(0, 1),
            spec.guests(),
            List.of());

    assertThat(refusal(broken))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("guests[2].host: host h2 is not a host of this cluster");
  }

  @Test
  void refusesApplicationPackagesInAClusterWhoseGuestsArePackages() {
    var spec = twoHostsThreeGuests("c1");
    var broken =
        new ClusterSpec(
            "c1",
            "alpha",
            spec.topology(),
            false,
            spec.hosts(),
            spec.guests(),
            List.of(new AppPackage("p1", "g1", List.of())));

    assertThat(refusal(broken))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("packages:");
  }

  @Test
  void refusesAPackageFailingOverToAnUnknownNode() {
    var spec = threeHostsAsNodes("c1", false);
    var broken =
        new ClusterSpec(
            "c1",
            "alpha",
            spec.topology(),
            false,
            spec.hosts(),
            spec.guests(),
            List.of(new AppPackage("p1", "n1", List.of("n9"))));

    assertThat(refusal(broken))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("packages[0].failoverNodes:");
  }

  @Test
  void refusesAGuestFailingOverToANodeOutsideTheClusterOrNotListingItsOwnHost() {
    var spec = threeHostsAsPackages("c1");
    var outside = withGuest(spec, new Guest("g1", "h1", "A.03.50", List.of("h1", "h9")));
    var withoutItsHost = withGuest(spec, new Guest("g1", "h1", "A.03.50", List.of("h2")));

    assertThat(refusal(outside))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("guests[0].failoverNodes: node h9 is not a host of this cluster");
    assertThat(refusal(withoutItsHost))
        .isInstanceOf(InvalidInput.class)
        .hasMessage(
            "guests[0].failoverNodes: the guest runs on h1, which its failover nodes must list");
  }

  @Test
  void refusesFailoverNodesOnAGuestThatIsAClusterNode() {
    var spec = threeHostsAsNodes("c1", false);
    var first = spec.guests().getFirst();
    var broken =
        withGuest(
            spec, new Guest(first.name(), first.host(), first.kitVersion(), List.of("h1", "h2")));

    assertThat(refusal(broken))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("guests[0].failoverNodes: only guests that are packages");
  }

  private static ClusterSpec withGuest(ClusterSpec spec, Guest first) {
    var guests = new ArrayList<>(spec.guests());
    guests.set(0, first);
    return new ClusterSpec(
        spec.id(),
        spec.team(),
        spec.topology(),
        spec.clusterLock(),
        spec.hosts(),
        guests,
        spec.packages());
  }

  @Test
  void refusesAHostWithoutAnSshAddress() {
    var spec = twoHostsThreeGuests("c1");
    var host = new VmHost("h1", "nowhere", "B.11.23", "A.03.50", "A.11.18");
    var broken =
        new ClusterSpec("c1", "alpha", spec.topology(), false, List.of(host), List.of(), List.of());

    assertThat(refusal(broken))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("hosts[0].sshAddress: must be host:port");
  }

  private static Throwable refusal(ClusterSpec spec) {
    try {
      ClusterDecider.decide(new RegisterCluster(spec), new ClusterState.Unregistered());
      throw new AssertionError("expected a refusal");
    } catch (RuntimeException e) {
      return e;
    }
  }
}
