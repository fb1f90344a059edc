package dev.upgradetracker.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeCommandsTest {

  private final FleetModel fleet =
      FleetModel.of(
          new Fleet(
              List.of(
                  new ClusterSpec(
                      "c1",
                      "alpha",
                      Topology.GUESTS_AS_PACKAGES,
                      false,
                      List.of(host("h1"), host("h2")),
                      List.of(new Guest("g1", "h1", "A.03.50")),
                      List.of()),
                  new ClusterSpec(
                      "c2",
                      "alpha",
                      Topology.GUESTS_AS_NODES,
                      true,
                      List.of(host("k1"), host("k2")),
                      List.of(new Guest("n1", "k1", "A.03.50"), new Guest("n2", "k2", "A.03.50")),
                      List.of(new AppPackage("p1", "n1", List.of("n2")))))));
  private final HostShell shell = new HostShell(fleet);

  @Test
  void aDrainedHostIsUpdatedThenGetsTheIntegrityVm40BundleWithNoViolation() {
    shell.run("h1", "cmhaltpkg g1");
    shell.run("h1", "cmrunpkg -n h2 g1");

    assertThat(shell.run("h1", "update-ux -s depot:/oe HPUX11i-VSE-OE").exitCode()).isZero();
    assertThat(
            shell
                .run("h1", "swinstall -x autoreboot=true -s depot:/ivm T2767AC VMProvider")
                .exitCode())
        .isZero();

    assertThat(shell.run("h1", "swlist").stdout())
        .containsPattern("HPUX11i-VSE-OE\\s+B\\.11\\.31")
        .containsPattern("T2767AC\\s+B\\.04\\.00");
    assertThat(fleet.violations()).isEmpty();
  }

  @Test
  void runningUpdateUxTwiceFailsAsHpUxDoes() {
    shell.run("h2", "update-ux -s depot:/oe HPUX11i-VSE-OE");

    var again = shell.run("h2", "update-ux -s depot:/oe HPUX11i-VSE-OE");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("No software was selected").contains("already installed");
  }

  @Test
  void theVmBundleNeedsHpUx11iV3First() {
    assertThat(shell.run("h2", "swinstall -s depot:/ivm T2767AC VMProvider").stderr())
        .contains("requires HP-UX B.11.31");
  }

  @Test
  void updatingAHostThatStillRunsAGuestIsRecordedAsAnR2Violation() {
    shell.run("h1", "update-ux -s depot:/oe HPUX11i-VSE-OE");

    assertThat(fleet.violations())
        .singleElement()
        .asString()
        .startsWith("R2: update-ux on h1 while guest g1 ran there");
  }

  @Test
  void aGuestKitInstalledBeforeTheLastHostIsRecordedAsAnR4Violation() {
    shell.run("h1", "swinstall -x autoreboot=true -s depot:/kit HPVM-Guest @ g1:/");

    assertThat(shell.run("h1", "swlist -l product HPVM-Guest @ g1").stdout()).contains("B.04.00");
    assertThat(fleet.violations()).singleElement().asString().startsWith("R4:");
  }

  @Test
  void guestNodesLeaveAndRejoinTheClusterAndPackagesMoveBetweenThem() {
    shell.run("k1", "cmhaltpkg p1");
    shell.run("k1", "cmrunpkg -n n2 p1");
    assertThat(shell.run("k1", "cmhaltnode -f n1").exitCode()).isZero();
    assertThat(shell.run("k1", "cmviewcl -v -f line").stdout())
        .contains("node:n1|status=down", "package:p1|node=n2");

    shell.run("k1", "hpvmstop -P n1 -F");
    assertThat(shell.run("k1", "cmrunnode n1").exitCode()).isEqualTo(1);
    shell.run("k1", "hpvmstart -P n1");
    assertThat(shell.run("k1", "cmrunnode n1").exitCode()).isZero();
    assertThat(fleet.violations()).isEmpty();
  }

  @Test
  void backupsAreRecordedAndReported() {
    shell.run("h1", "backup-host");
    shell.run("h1", "backup-guests g1");

    assertThat(shell.run("h1", "backup-status").stdout()).contains("host=yes", "guest:g1=yes");
    assertThat(shell.run("h2", "backup-status").stdout()).contains("host=no");
  }

  private static VmHost host(String name) {
    return new VmHost(name, "", "B.11.23", "A.03.50", "A.11.18");
  }
}
