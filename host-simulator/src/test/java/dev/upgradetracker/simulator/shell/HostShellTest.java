package dev.upgradetracker.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostShellTest {

  private final FleetModel fleet =
      FleetModel.of(
          new Fleet(
              List.of(
                  new ClusterSpec(
                      "c1",
                      "alpha",
                      Topology.GUESTS_AS_PACKAGES,
                      false,
                      List.of(host("h1"), host("h2"), host("h3")),
                      List.of(
                          new Guest("g1", "h1", "A.03.50"),
                          new Guest("g3", "h2", "A.03.50"),
                          new Guest("g4", "h3", "A.03.50", List.of("h3", "h1"))),
                      List.of()))));
  private final HostShell shell = new HostShell(fleet);

  @Test
  void cmviewclListsNodesAndPackagesOneAttributePerLine() {
    var result = shell.run("h1", "cmviewcl -v -f line");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout())
        .contains("node:h1|status=up", "node:h2|state=running")
        .contains("package:g1|status=up", "package:g1|node=h1", "package:g3|node=h2");
  }

  @Test
  void aPackageHaltedAndRunOnAnotherNodeShowsThereAfterwards() {
    assertThat(shell.run("h1", "cmhaltpkg g1").exitCode()).isZero();
    assertThat(shell.run("h1", "cmrunpkg -n h2 g1").exitCode()).isZero();
    assertThat(shell.run("h1", "cmmodpkg -e g1").exitCode()).isZero();

    assertThat(shell.run("h2", "cmviewcl -v -f line -p g1").stdout())
        .contains("package:g1|node=h2", "package:g1|status=up", "package:g1|autorun=enabled");
    assertThat(shell.run("h2", "hpvmstatus -M").stdout()).contains("g1:").contains("On (OS)");
  }

  @Test
  void runningAPackageThatAlreadyRunsFailsAndChangesNothing() {
    var result = shell.run("h1", "cmrunpkg -n h2 g1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("already running on h1");
    assertThat(fleet.guest("g1").orElseThrow().node()).isEqualTo("h1");
  }

  @Test
  void runningAPackageOnANodeOutsideTheClusterIsRefused() {
    shell.run("h1", "cmhaltpkg g1");

    var result = shell.run("h1", "cmrunpkg -n h9 g1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("h9 is not an active member");
  }

  @Test
  void aPackageIsStartedOnlyOnANodeOfItsListAndATryElsewhereIsAnR5Violation() {
    shell.run("h3", "cmhaltpkg g4");

    var outside = shell.run("h3", "cmrunpkg -n h2 g4");
    var listed = shell.run("h3", "cmrunpkg -n h1 g4");

    assertThat(outside.exitCode()).isEqualTo(1);
    assertThat(outside.stderr()).contains("Unable to run package g4 on node h2");
    assertThat(listed.exitCode()).isZero();
    assertThat(fleet.guest("g4").orElseThrow().node()).isEqualTo("h1");
    assertThat(fleet.violations())
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("R5: cmrunpkg -n h2 g4"));
  }

  @Test
  void swlistShowsTheIntegrityVmVersion() {
    assertThat(shell.run("h1", "swlist").stdout()).containsPattern("T2767AC\\s+A\\.03\\.50");
  }

  @Test
  void everyCommandIsLoggedWithItsExitCode() {
    shell.run("h1", "cmhaltpkg g1");
    shell.run("h1", "frobnicate");

    assertThat(fleet.commandLog())
        .extracting(e -> e.commandLine() + " -> " + e.exitCode())
        .containsExactly("cmhaltpkg g1 -> 0", "frobnicate -> 127");
  }

  private static VmHost host(String name) {
    return new VmHost(name, "", "B.11.23", "A.03.50", "A.11.18");
  }

  @Test
  void psListsEachCommandRunningOnTheHostUntilItEnds() throws Exception {
    var update = shell.started("h1", "update-ux -s depot:/var/depots/oe HPUX11i-VSE-OE");
    var elsewhere = shell.started("h2", "swlist");

    var during = shell.run("h1", "UNIX95= ps -e -o args");
    update.close();
    var after = shell.run("h1", "UNIX95= ps -e -o args");
    elsewhere.close();

    assertThat(during.exitCode()).isZero();
    assertThat(during.stdout().lines())
        .containsExactly("COMMAND", "update-ux -s depot:/var/depots/oe HPUX11i-VSE-OE");
    assertThat(after.stdout().lines()).containsExactly("COMMAND");
  }
}
