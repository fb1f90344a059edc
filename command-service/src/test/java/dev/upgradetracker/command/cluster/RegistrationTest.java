package dev.upgradetracker.command.cluster;

import static dev.upgradetracker.command.cluster.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.VmHost;
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
