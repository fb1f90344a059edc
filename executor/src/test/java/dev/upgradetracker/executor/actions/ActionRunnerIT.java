package dev.upgradetracker.executor.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's actions against the host simulator, over real SSH. */
class ActionRunnerIT {

  @TempDir Path dir;
  private SimulatedHosts hosts;
  private FleetModel fleet;
  private HostSimulator simulator;

  @BeforeEach
  void startSimulator() throws Exception {
    hosts =
        SimulatedHosts.start(
            dir, Fleets.of(Fleets.cluster("c1").localNames().guestsPerHost(1, 0).build()));
    fleet = hosts.fleet;
    simulator = hosts.simulator;
  }

  @AfterEach
  void stopSimulator() {
    hosts.close();
  }

  @Test
  void aPrivateKeyOthersMayReadStopsTheExecutorNamingTheFile() throws Exception {
    var key = dir.resolve("id_ecdsa");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> runner(dir.resolve("known_hosts")))
        .hasMessageContaining("EXECUTOR_SSH_PRIVATE_KEY " + key)
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aNameWithShellMetacharactersNeverReachesTheHost() throws Exception {
    var injected =
        new HostActionRequested(
            "c1",
            "a-evil",
            "h1",
            simulator.addressOf("h1"),
            new HostAction.MoveGuest("g1;reboot", "h1", "h2"));

    var result = runner(dir.resolve("known_hosts")).run(injected);

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().output()).contains("'g1;reboot' is not a name");
    assertThat(result.outcome().commandLines()).isEmpty();
    assertThat(fleet.commandLog()).isEmpty();
  }

  @Test
  void movesAGuestPackageAndReportsTheCommandLinesItRan() throws Exception {
    var result = runner(dir.resolve("known_hosts")).run(moveG1ToH2("a1"));

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(result.outcome().commandLines())
        .containsExactly(
            "cmviewcl -v -f line -p g1", "cmhaltpkg g1", "cmrunpkg -n h2 g1", "cmmodpkg -e g1");
    assertThat(result.outcome().hostKeyFingerprint()).isNotBlank();
    assertThat(fleet.guest("g1").orElseThrow().node()).isEqualTo("h2");
    assertThat(fleet.commandLog())
        .as("the host told which action sent each command")
        .extracting(CommandLogEntry::actionId)
        .containsOnly("a1");
  }

  @Test
  void aRepeatedMoveIsFoundDoneByTheProbeAndRunsNothingAgain() throws Exception {
    var runner = runner(dir.resolve("known_hosts"));
    runner.run(moveG1ToH2("a1"));

    var again = runner.run(moveG1ToH2("a1"));

    assertThat(again.outcome().status()).isEqualTo(ActionStatus.ALREADY_DONE);
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("cmrunpkg"))
        .hasSize(1);
  }

  @Test
  void aFailingStepReportsItsExitCodeAndOutput() throws Exception {
    var request =
        new HostActionRequested(
            "c1",
            "a1",
            "h1",
            simulator.addressOf("h1"),
            new HostAction.MoveGuest("g1", "h1", "h9"));

    var result = runner(dir.resolve("known_hosts")).run(request);

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().exitCode()).isEqualTo(1);
    assertThat(result.outcome().output()).contains("h9 is not an active member");
  }

  @Test
  void aHostWithAnUnknownKeyIsSentNoCommand() throws Exception {
    Files.writeString(dir.resolve("empty_known_hosts"), "");

    var result = runner(dir.resolve("empty_known_hosts")).run(moveG1ToH2("a1"));

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().output()).contains("cannot connect");
    assertThat(fleet.commandLog()).isEmpty();
  }

  @Test
  void aHostKeyAddedToKnownHostsWhileRunningIsTrustedWithoutARestart() throws Exception {
    var knownHosts = dir.resolve("growing_known_hosts");
    Files.writeString(knownHosts, "");
    var runner = runner(knownHosts);
    var refused = runner.run(moveG1ToH2("a1"));
    assertThat(refused.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(fleet.commandLog()).isEmpty();

    simulator.writeKnownHosts(knownHosts);
    var result = runner.run(moveG1ToH2("a2"));

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(fleet.guest("g1").orElseThrow().node()).isEqualTo("h2");
  }

  @Test
  void aCommandThatExitsNonZeroFailsTheActionWithItsExitCode() throws Exception {
    simulator.faults().add(Fault.fail("h1", "^cmhaltpkg", 3));

    var result = runner(dir.resolve("known_hosts")).run(moveG1ToH2("a1"));

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().exitCode()).isEqualTo(3);
    assertThat(result.outcome().commandLines()).last().isEqualTo("cmhaltpkg g1");
    assertThat(fleet.commandLog()).noneMatch(e -> e.commandLine().startsWith("cmrunpkg"));
  }

  @Test
  void aHungCommandTimesOutAndIsNotRetried() throws Exception {
    simulator.faults().add(Fault.hang("h1", "^cmrunpkg"));

    var result = runner(dir.resolve("known_hosts")).run(moveG1ToH2("a1"));

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().output()).contains("did not end within 2 s");
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("cmrunpkg"))
        .hasSize(1);
  }

  @Test
  void aConnectionDroppedMidCommandIsRetriedAndOnlyWhatTheProbeFindsUndoneRuns() throws Exception {
    simulator.faults().add(Fault.drop("h1", "^cmrunpkg").times(1));

    var heard = new HeardReachability();

    var result =
        runner(dir.resolve("known_hosts")).run(moveG1ToH2("a1"), UnaryOperator.identity(), heard);

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(heard.said)
        .as("unreachable after the drop, reached at the retry")
        .containsExactly("unreachable", "reached");
    var guest = fleet.guest("g1").orElseThrow();
    assertThat(guest.node()).isEqualTo("h2");
    assertThat(guest.autorun()).as("switching enabled after the retry").isTrue();
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("cmrunpkg"))
        .hasSize(1);
    assertThat(fleet.commandLog())
        .filteredOn(e -> e.commandLine().startsWith("cmmodpkg"))
        .hasSize(1);
  }

  @Test
  void anUnreachableHostIsTriedAgainThenReportedFailed() throws Exception {
    var request =
        new HostActionRequested(
            "c1", "a1", "h1", "127.0.0.1:1", new HostAction.MoveGuest("g1", "h1", "h2"));

    var heard = new HeardReachability();

    var result = runner(dir.resolve("known_hosts")).run(request, UnaryOperator.identity(), heard);

    assertThat(result.outcome().status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.outcome().output()).startsWith("gave up after 3 attempts");
    assertThat(heard.said)
        .as("said once, at the first failed attempt")
        .containsExactly("unreachable");
    assertThat(heard.error).contains("127.0.0.1:1");
  }

  /** What the runner said of the host's reachability, in order. */
  private static final class HeardReachability implements Reachability {
    final List<String> said = new ArrayList<>();
    String error;

    @Override
    public void unreachable(Instant since, String why) {
      said.add("unreachable");
      error = why;
    }

    @Override
    public void reached(Instant at) {
      said.add("reached");
    }
  }

  private HostActionRequested moveG1ToH2(String actionId) {
    return new HostActionRequested(
        "c1",
        actionId,
        "h1",
        simulator.addressOf("h1"),
        new HostAction.MoveGuest("g1", "h1", "h2"));
  }

  private ActionRunner runner(Path knownHosts) throws Exception {
    return hosts.runner(knownHosts);
  }
}
