package dev.upgradetracker.simulator.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSimulatorIT {

  @TempDir Path dir;

  @Test
  void answersCommandsOverSshToAClientThatTrustsOnlyTheHostsOwnKey() throws Exception {
    var clientKey = generateClientKey();
    try (var simulator =
        HostSimulator.start(
            FleetModel.of(fleet()), dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      simulator.writeKnownHosts(dir.resolve("known_hosts"));

      var output =
          exec(
              simulator.addressOf("h2"),
              clientKey,
              dir.resolve("known_hosts"),
              "cmviewcl -v -f line");

      assertThat(output).contains("package:g1|node=h1");
    }
  }

  @Test
  void logsEachCommandWithTheActionThatSentItAndMarksAMalformedActionId() throws Exception {
    var clientKey = generateClientKey();
    var model = FleetModel.of(fleet());
    try (var simulator = servingKnownHosts(model)) {
      var knownHosts = dir.resolve("known_hosts");

      exec(simulator.addressOf("h1"), clientKey, knownHosts, "cmhaltpkg g1", "spring/c1/7@g1");
      exec(simulator.addressOf("h1"), clientKey, knownHosts, "cmviewcl -v -f line");
      exec(simulator.addressOf("h1"), clientKey, knownHosts, "swlist", "x; rm -rf /");
      exec(simulator.addressOf("h1"), clientKey, knownHosts, "swlist", "a".repeat(301));

      assertThat(model.commandLog())
          .extracting(CommandLogEntry::commandLine, CommandLogEntry::actionId)
          .containsExactly(
              tuple("cmhaltpkg g1", "spring/c1/7@g1"),
              tuple("cmviewcl -v -f line", ""),
              tuple("swlist", "(malformed)"),
              tuple("swlist", "(malformed)"));
    }
  }

  @Test
  void eachHostShowsItsOwnKeySoOneHostsKeyIsRefusedForAnother() throws Exception {
    var clientKey = generateClientKey();
    try (var simulator =
        HostSimulator.start(
            FleetModel.of(fleet()), dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      var h1Line = lineFor(simulator, "h1");
      var h2Port = simulator.addressOf("h2").split(":")[1];
      Files.writeString(
          dir.resolve("h1_key_for_h2"), h1Line.replaceFirst("\\]:\\d+ ", "]:" + h2Port + " "));

      assertThat(lineFor(simulator, "h2").split(" ")[2]).isNotEqualTo(h1Line.split(" ")[2]);
      assertThatThrownBy(
              () ->
                  exec(
                      simulator.addressOf("h2"), clientKey, dir.resolve("h1_key_for_h2"), "swlist"))
          .isInstanceOf(JSchException.class);
      assertThat(simulator.fleet().commandLog()).isEmpty();
    }
  }

  private static String lineFor(HostSimulator simulator, String host) {
    var port = simulator.addressOf(host).split(":")[1];
    return simulator.knownHostsLines().stream()
        .filter(line -> line.contains("]:" + port + " "))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void keepsEachHostsKeyAcrossRestartsSoKnownHostsStaysValid() throws Exception {
    var clientKey = generateClientKey();
    var model = FleetModel.of(fleet());
    try (var first =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      first.writeKnownHosts(dir.resolve("known_hosts"));
    }
    try (var second =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      assertThat(exec(second.addressOf("h1"), clientKey, dir.resolve("known_hosts"), "swlist"))
          .contains("T2767AC");
    }
  }

  @Test
  void aClientThatDoesNotKnowTheHostKeySendsNoCommand() throws Exception {
    var clientKey = generateClientKey();
    var model = FleetModel.of(fleet());
    try (var simulator =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      Files.writeString(dir.resolve("empty_known_hosts"), "");

      assertThatThrownBy(
              () ->
                  exec(
                      simulator.addressOf("h1"),
                      clientKey,
                      dir.resolve("empty_known_hosts"),
                      "cmhaltpkg g1"))
          .isInstanceOf(JSchException.class);
      assertThat(model.commandLog()).isEmpty();
    }
  }

  @Test
  void playsClustersAddedWhileRunningAndRefusesOnesItAlreadyPlays() throws Exception {
    var clientKey = generateClientKey();
    var model = FleetModel.of(fleet());
    try (var simulator =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"))) {
      var added = Fleets.cluster("c2").guestsPerHost(0, 1).build();

      simulator.add(Fleets.of(added));
      simulator.writeKnownHosts(dir.resolve("known_hosts"));

      assertThat(
              exec(
                  simulator.addressOf("c2-h2"),
                  clientKey,
                  dir.resolve("known_hosts"),
                  "hpvmstatus"))
          .contains("c2-g1");
      assertThat(exec(simulator.addressOf("h1"), clientKey, dir.resolve("known_hosts"), "swlist"))
          .as("the hosts played before go on")
          .contains("T2767AC");
      var clash = Fleets.cluster("c3").localNames().build();
      assertThatThrownBy(() -> simulator.add(Fleets.of(clash)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("h1");
      assertThat(model.hostsOf("c3")).isEmpty();
    }
  }

  private Path generateClientKey() throws Exception {
    var key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    var privateKey = dir.resolve("id_ecdsa");
    key.writePrivateKey(privateKey.toString());
    key.writePublicKey(dir.resolve("authorized_keys").toString(), "executor");
    return privateKey;
  }

  @Test
  void aCommandAtWorkRunsOnPastItsSessionWhileAHungOneEndsWithIt() throws Exception {
    var clientKey = generateClientKey();
    var model = FleetModel.of(fleet());
    try (var simulator = servingKnownHosts(model)) {
      var knownHosts = dir.resolve("known_hosts");
      var h1 = simulator.addressOf("h1");
      simulator.faults().add(Fault.slow("h1", "^update-ux", Duration.ofSeconds(2)));
      simulator.faults().add(Fault.hang("h1", "/backup-host$"));
      var update = "update-ux -s depot:/var/depots/oe HPUX11i-VSE-OE";

      sendAndLeave(h1, clientKey, knownHosts, update);
      sendAndLeave(h1, clientKey, knownHosts, "/opt/site/bin/backup-host");

      var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      var running = processes(h1, clientKey, knownHosts);
      while (running.contains("/opt/site/bin/backup-host") && System.nanoTime() < deadline) {
        running = processes(h1, clientKey, knownHosts);
      }
      assertThat(running).as("the hung one ended with its session").doesNotContain("backup-host");
      assertThat(running).as("the one at work runs on").contains(update);
      while (processes(h1, clientKey, knownHosts).contains(update)) {
        assertThat(System.nanoTime()).as("the update ends").isLessThan(deadline);
      }
      assertThat(model.commandLog())
          .as("the update carried out after its session was gone")
          .extracting(CommandLogEntry::commandLine)
          .contains(update);
    }
  }

  private static String processes(String address, Path privateKey, Path knownHosts)
      throws Exception {
    return exec(address, privateKey, knownHosts, "UNIX95= ps -e -o args");
  }

  /** Sends a command and, once the host lists it as running, drops the session. */
  private static void sendAndLeave(String address, Path privateKey, Path knownHosts, String command)
      throws Exception {
    var session = connect(address, privateKey, knownHosts);
    try {
      var channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      channel.connect(10_000);
      var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!processes(address, privateKey, knownHosts).contains(command)) {
        assertThat(System.nanoTime()).as("%s listed as running", command).isLessThan(deadline);
      }
    } finally {
      session.disconnect();
    }
  }

  private static String exec(String address, Path privateKey, Path knownHosts, String command)
      throws Exception {
    return exec(address, privateKey, knownHosts, command, null);
  }

  private static String exec(
      String address, Path privateKey, Path knownHosts, String command, String actionId)
      throws Exception {
    var session = connect(address, privateKey, knownHosts);
    try {
      var channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      if (actionId != null) {
        channel.setEnv("UT_ACTION_ID", actionId);
      }
      var out = new ByteArrayOutputStream();
      channel.setOutputStream(out);
      channel.connect(10_000);
      while (!channel.isClosed()) {
        Thread.sleep(10);
      }
      channel.disconnect();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      session.disconnect();
    }
  }

  /** A session as root to {@code address}, trusting only the host keys in {@code knownHosts}. */
  private static Session connect(String address, Path privateKey, Path knownHosts)
      throws Exception {
    var jsch = new JSch();
    jsch.addIdentity(privateKey.toString());
    jsch.setKnownHosts(knownHosts.toString());
    var hostAndPort = address.split(":");
    var session = jsch.getSession("root", hostAndPort[0], Integer.parseInt(hostAndPort[1]));
    session.setConfig("StrictHostKeyChecking", "yes");
    session.connect(10_000);
    return session;
  }

  /** The simulator of {@code model}, its hosts' keys written to {@code known_hosts}. */
  private HostSimulator servingKnownHosts(FleetModel model) throws Exception {
    var simulator =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"));
    simulator.writeKnownHosts(dir.resolve("known_hosts"));
    return simulator;
  }

  private static Fleet fleet() {
    return Fleets.of(Fleets.cluster("c1").localNames().guestsPerHost(1, 0).build());
  }
}
