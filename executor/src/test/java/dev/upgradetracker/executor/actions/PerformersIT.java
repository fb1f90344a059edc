package dev.upgradetracker.executor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.executor.journal.EarlierAttempt;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of host action, performed over real SSH against the simulator, then repeated. */
class PerformersIT {

  @TempDir Path dir;
  private SimulatedHosts hosts;
  private FleetModel fleet;
  private HostSimulator simulator;
  private ActionRunner runner;

  @BeforeEach
  void start() throws Exception {
    hosts =
        SimulatedHosts.start(
            dir,
            Fleets.of(
                Fleets.cluster("c1").localNames().guestsPerHost(1, 0).build(),
                Fleets.cluster("c2")
                    .localNames()
                    .guestsAsNodes()
                    .hostNames("k")
                    .guestNames("n")
                    .guestsPerHost(1, 1, 1)
                    .pkg(1, 2)
                    .build(),
                Fleets.cluster("c3")
                    .localNames()
                    .hostNames("e")
                    .guestNames("x")
                    .at("east", "depot-east")
                    .guestsPerHost(0, 1)
                    .build()));
    fleet = hosts.fleet;
    simulator = hosts.simulator;
    runner = hosts.runner();
  }

  @AfterEach
  void stop() {
    hosts.close();
  }

  @Test
  void aDrainedNodeIsUpdatedToIntegrityVm40OnceAndFoundDoneTheSecondTime() {
    run("h1", new HostAction.MoveGuest("g1", "h1", "h2"));

    var first = run("h1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false));
    var again = run("h1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false));

    assertThat(first.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(first.outcome().commandLines())
        .anyMatch(c -> c.startsWith("update-ux"))
        .anyMatch(c -> c.startsWith("swinstall") && c.contains("T2767AC"));
    assertThat(again.outcome().status()).isEqualTo(ActionStatus.ALREADY_DONE);
    assertThat(fleet.host("h1").orElseThrow().ivmVersion()).isEqualTo("B.04.00");
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("update-ux"))
        .hasSize(1);
    assertThat(fleet.violations()).isEmpty();
  }

  @Test
  void softwareComesFromTheHostsOwnDepotElseTheCatalogsDefault() {
    var own = run("e1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false), "depot-east");
    var elsewhere = run("h2", new HostAction.UpdateNode(UpgradeMode.UPDATE, false));

    assertThat(own.outcome().status()).as(own.outcome().output()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(own.outcome().commandLines())
        .filteredOn(c -> c.startsWith("update-ux") || c.startsWith("swinstall"))
        .hasSize(2)
        .allMatch(c -> c.contains("-s depot-east:/var/depots/"));
    assertThat(elsewhere.outcome().commandLines())
        .filteredOn(c -> c.startsWith("update-ux"))
        .singleElement()
        .asString()
        .contains("-s depot-server:/var/depots/11iv3-vse-oe");
  }

  @Test
  void aHostTheRequestSendsToAnotherDepotFailsAndIsNotUpdated() {
    var wrong = run("e1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false), "depot-west");

    assertThat(wrong.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(wrong.outcome().output()).contains("reaches only depot-east");
    assertThat(fleet.host("e1").orElseThrow().hpuxVersion()).isEqualTo("B.11.23");
  }

  @Test
  void aDepotThatIsNoPlainNameIsRefusedBeforeConnecting() {
    var forged = run("e1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false), "x;reboot");

    assertThat(forged.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(forged.outcome().output()).contains("depot 'x;reboot' is not a name");
    assertThat(fleet.commandLog()).noneMatch(e -> e.host().equals("e1"));
  }

  @Test
  void serviceguardIsInstalledWithTheBundleOnlyWhenAsked() {
    run("h1", new HostAction.MoveGuest("g1", "h1", "h2"));

    run("h1", new HostAction.UpdateNode(UpgradeMode.UPDATE, true));

    assertThat(fleet.host("h1").orElseThrow().serviceguardVersion()).isEqualTo("A.11.19");
  }

  @Test
  void patchesAndTheGuestKitAreInstalledOnce() {
    for (var h : List.of("h1", "h2")) {
      run(h, new HostAction.MoveGuest("g1", h, h.equals("h1") ? "h2" : "h1"));
      run(h, new HostAction.UpdateNode(UpgradeMode.UPDATE, false));
      assertThat(run(h, new HostAction.InstallPatches()).outcome().status())
          .isEqualTo(ActionStatus.SUCCEEDED);
      assertThat(run(h, new HostAction.InstallPatches()).outcome().status())
          .isEqualTo(ActionStatus.ALREADY_DONE);
    }

    assertThat(run("h1", new HostAction.InstallGuestKit("g1")).outcome().status())
        .isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(run("h1", new HostAction.InstallGuestKit("g1")).outcome().status())
        .isEqualTo(ActionStatus.ALREADY_DONE);
    assertThat(fleet.guest("g1").orElseThrow().kitVersion()).isEqualTo("B.04.00");
    assertThat(fleet.violations()).isEmpty();
  }

  @Test
  void backupsRunOnceAndStoppedGuestsAreBootTested() {
    assertThat(run("h1", new HostAction.BackUpHost()).outcome().status())
        .isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(run("h1", new HostAction.BackUpHost()).outcome().status())
        .isEqualTo(ActionStatus.ALREADY_DONE);
    assertThat(run("h1", new HostAction.BackUpGuests(List.of("g1"))).outcome().status())
        .isEqualTo(ActionStatus.SUCCEEDED);

    simulator.fleet().updateGuest("n1", g -> g.withRunning(false));
    var verify = run("k1", new HostAction.VerifyGuestsBoot(List.of("n1")));

    assertThat(verify.outcome().commandLines())
        .containsExactly("hpvmstatus -M", "hpvmstart -P n1", "hpvmstop -P n1 -F");
    assertThat(verify.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
  }

  @Test
  void guestNodesAreDrainedHaltedAndRunAgain() {
    assertThat(run("k1", new HostAction.MovePackage("p1", "n1", "n2")).outcome().status())
        .isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(run("k1", new HostAction.HaltClusterNodes(List.of("n1"))).outcome().commandLines())
        .contains("cmhaltnode -f n1", "hpvmstop -P n1 -F");
    assertThat(fleet.guest("n1").orElseThrow().member()).isFalse();

    assertThat(run("k1", new HostAction.RunClusterNodes(List.of("n1"))).outcome().commandLines())
        .contains("hpvmstart -P n1", "cmrunnode n1");
    assertThat(fleet.guest("n1").orElseThrow().member()).isTrue();
    assertThat(run("k1", new HostAction.RunClusterNodes(List.of("n1"))).outcome().status())
        .isEqualTo(ActionStatus.ALREADY_DONE);
    assertThat(fleet.violations()).isEmpty();
  }

  @Test
  void aPackageMovedBeforeACrashButNotYetEnabledOnlyHasItsSwitchingEnabled() {
    fleet.updatePackage("p1", p -> p.halted().runningOn("n2"));
    assertThat(fleet.pkg("p1").orElseThrow().autorun()).isFalse();

    var move = run("k1", new HostAction.MovePackage("p1", "n1", "n2"));

    assertThat(move.outcome().commandLines())
        .containsExactly("cmviewcl -v -f line -p p1", "cmmodpkg -e p1");
    assertThat(fleet.pkg("p1").orElseThrow().autorun()).isTrue();
    assertThat(run("k1", new HostAction.MovePackage("p1", "n1", "n2")).outcome().status())
        .isEqualTo(ActionStatus.ALREADY_DONE);
  }

  /**
   * The earlier attempt is cut off while its {@code update-ux} runs on (its command outlives the
   * runner's 2 s timeout, as it would outlive a killed executor's session): the resumed attempt,
   * knowing from the journal what the earlier one sent last, sends nothing before that has ended,
   * and then finds the OS done.
   */
  @Test
  void anUpdateResumedWhileItsEarlierAttemptsUpdateUxStillRunsWaitsForItAndRunsItOnce()
      throws Exception {
    run("h1", new HostAction.MoveGuest("g1", "h1", "h2"));
    simulator.faults().add(Fault.slow("h1", "^update-ux", Duration.ofSeconds(3)).times(1));
    var update = request("h1", new HostAction.UpdateNode(UpgradeMode.UPDATE, false), null);
    var catalog = DefaultCatalog.load();
    var cutOff = runner.run(update);
    assertThat(cutOff.outcome().status()).isEqualTo(ActionStatus.FAILED);
    // what the journal holds of the cut-off attempt: its probe, then the update it sent
    var sentBefore =
        List.of(
            catalog.line("software-status", Map.of()),
            catalog.line("update-os", Map.of("depot", "depot-server")));

    var earlier =
        new EarlierAttempt(
            catalog.line("running-commands", Map.of()),
            Duration.ofSeconds(10),
            Duration.ofMillis(100));
    var resumed =
        runner.run(update, host -> earlier.awaitedOn(host, sentBefore), Reachability.IGNORED);

    assertThat(resumed.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(resumed.outcome().commandLines()).noneMatch(c -> c.startsWith("update-ux"));
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("update-ux"))
        .hasSize(1);
    assertThat(fleet.host("h1").orElseThrow().ivmVersion()).isEqualTo("B.04.00");
    assertThat(fleet.violations()).isEmpty();
  }

  private ActionResult run(String host, HostAction action) {
    return run(host, action, null);
  }

  private ActionResult run(String host, HostAction action, String depot) {
    return runner.run(request(host, action, depot));
  }

  private HostActionRequested request(String host, HostAction action, String depot) {
    return new HostActionRequested(
        "c", "a-" + System.nanoTime(), host, simulator.addressOf(host), action, depot);
  }
}
