package dev.upgradetracker.command.cluster.model;

import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsNodes;
import static dev.upgradetracker.command.cluster.model.Clusters.threeHostsAsPackages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole clusters driven through the procedure by commands only, host actions reported back. */
class FullProcedureTest {

  @Test
  void aGuestsAsPackagesClusterEndsWithEveryHostOn40AndEveryKitInstalled() {
    var driver = ClusterDriver.prepared(threeHostsAsPackages("c1"));

    for (var host : List.of("h1", "h2", "h3")) {
      driver.run(new MoveGuests("c1", null, null, host, "drain-" + host));
      driver.run(new UpgradeNode("c1", host, UpgradeMode.UPDATE, "upgrade-" + host));
      driver.run(new InstallPatches("c1", host, "patches-" + host));
      if (!host.equals("h3")) {
        driver
            .refuses(new InstallGuestKit("c1", null, "kits-early"))
            .isInstanceOf(KitBeforeLastHost.class);
      }
    }
    driver.run(new InstallGuestKit("c1", null, "kits"));

    assertThat(driver.state().hosts().values())
        .allSatisfy(
            h -> {
              assertThat(h.ivmVersion()).isEqualTo("B.04.00");
              assertThat(h.hpuxVersion()).isEqualTo("B.11.31");
              assertThat(h.patched()).isTrue();
            });
    assertThat(driver.state().guests().values())
        .allSatisfy(g -> assertThat(g.kitVersion()).isEqualTo("B.04.00"));
    assertThat(driver.state().pendingActions()).isEmpty();
  }

  @Test
  void aGuestsAsNodesClusterEndsWithEveryHostOn40AndEveryKitInstalled() {
    var driver = ClusterDriver.prepared(threeHostsAsNodes("c1", false));

    for (var host : List.of("h1", "h2", "h3")) {
      if (!driver.state().guestsOn(host).stream()
          .allMatch(g -> driver.state().packagesOn(g.name()).isEmpty())) {
        driver.run(new MovePackages("c1", null, null, host, "drain-" + host));
      }
      driver.run(new HaltClusterNodes("c1", host, "halt-" + host));
      driver.run(new UpgradeNode("c1", host, UpgradeMode.UPDATE, "upgrade-" + host));
      driver.run(new InstallPatches("c1", host, "patches-" + host));
      driver.run(new RunClusterNodes("c1", host, "run-" + host));
    }
    driver.run(new InstallGuestKit("c1", null, "kits"));

    assertThat(driver.state().hosts().values())
        .allSatisfy(h -> assertThat(h.ivmVersion()).isEqualTo("B.04.00"));
    assertThat(driver.state().guests().values())
        .allSatisfy(
            g -> {
              assertThat(g.kitVersion()).isEqualTo("B.04.00");
              assertThat(g.member()).isTrue();
            });
    assertThat(driver.state().packages().values())
        .extracting(ClusterState.Pkg::node)
        .doesNotContainNull();
  }
}
