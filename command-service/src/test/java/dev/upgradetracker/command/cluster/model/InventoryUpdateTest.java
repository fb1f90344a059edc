package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.host;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryUpdateTest {

  @Test
  void addingAHostBeforeTheRollStartsIsAcceptedAndKeepsWhatWasDone() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));

    driver.run(new UpdateCluster(withHosts(threeHostsAsPackages("c1"), host("h4", 22004))));

    assertThat(driver.state().hosts()).containsKey("h4");
    assertThat(driver.state().hosts().get("h1").backedUp()).isTrue();
    assertThat(driver.state().hosts().get("h4").backedUp()).isFalse();
    assertThat(driver.state().guests().get("g1").bootVerified()).isTrue();
  }

  @Test
  void addingAHostWhileVersionsAreMixedIsRefusedUnderR7() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.run(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));

    driver
        .refuses(new UpdateCluster(withHosts(threeHostsAsPackages("c1"), host("h4", 22004))))
        .isInstanceOf(ConfigChangeWhileMixed.class)
        .hasMessage(
            "R7 no-config-change-in-mixed-mode: cannot change the cluster's membership or topology while hosts h1, h2 still run Integrity VM 3.x");
  }

  @Test
  void correctingAnAddressWhileVersionsAreMixedIsAllowed() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));
    driver.run(new MoveGuests("c1", null, null, "h3", "drain"));
    driver.run(new UpgradeNode("c1", "h3", UpgradeMode.UPDATE, "up"));
    var spec = threeHostsAsPackages("c1");
    var hosts = new ArrayList<>(spec.hosts());
    hosts.set(0, new VmHost("h1", "10.0.0.1:22", "B.11.23", "A.03.50", "A.11.18"));

    driver.run(
        new UpdateCluster(
            new ClusterSpec(
                "c1", "alpha", spec.topology(), false, hosts, spec.guests(), List.of())));

    assertThat(driver.state().hosts().get("h1").sshAddress()).isEqualTo("10.0.0.1:22");
  }

  @Test
  void anUpdateDoesNotChangeTheOwningTeam() {
    var spec = threeHostsAsPackages("c1");
    ClusterDriver.registered(spec)
        .refuses(
            new UpdateCluster(
                new ClusterSpec(
                    "c1", "bravo", spec.topology(), false, spec.hosts(), spec.guests(), List.of())))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("team:");
  }

  @Test
  void anUpdateWaitsForRunningHostActions() {
    var driver = ClusterDriver.registered(threeHostsAsPackages("c1"));
    driver.request(new MoveGuests("c1", "g1", "h2", null, "a1"));

    driver
        .refuses(new UpdateCluster(threeHostsAsPackages("c1")))
        .isInstanceOf(ActionInProgress.class);
  }

  private static ClusterSpec withHosts(ClusterSpec spec, VmHost extra) {
    var hosts = new ArrayList<>(spec.hosts());
    hosts.add(extra);
    return Clusters.withHosts(spec, hosts);
  }
}
