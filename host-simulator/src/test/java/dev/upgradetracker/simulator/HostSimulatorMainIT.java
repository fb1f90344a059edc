package dev.upgradetracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator run on its own, from a fleet file and a faults file. */
class HostSimulatorMainIT {

  @TempDir Path dir;

  @Test
  void servesTheFleetFileWithItsInjectedFaults() throws Exception {
    var key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    key.writePrivateKey(dir.resolve("id").toString());
    key.writePublicKey(dir.resolve("id.pub").toString(), "test");
    Files.writeString(
        dir.resolve("fleet.json"),
        """
        {"clusters": [{"id": "c1", "team": "alpha", "topology": "GUESTS_AS_PACKAGES",
          "hosts": [{"name": "h1", "sshAddress": "127.0.0.1:0", "hpuxVersion": "B.11.23", "ivmVersion": "A.03.50", "serviceguardVersion": "A.11.18"}],
          "guests": [{"name": "g1", "host": "h1", "kitVersion": "A.03.50"}]}]}
        """);
    Files.writeString(
        dir.resolve("faults.json"),
        """
        [{"host": "*", "command": "^cmhaltpkg", "kind": "FAIL", "exitCode": 7}]
        """);
    // the simulator runs on after the test and may still be writing its state: its data lives in
    // the build directory, not in the temporary directory JUnit deletes
    var data =
        Files.createDirectories(
            Path.of("target", "simulator-main-it", UUID.randomUUID().toString()));
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                HostSimulatorMain.main(
                    new String[] {
                      "--fleet",
                      dir.resolve("fleet.json").toString(),
                      "--authorized-keys",
                      dir.resolve("id.pub").toString(),
                      "--data",
                      data.toString(),
                      "--faults",
                      dir.resolve("faults.json").toString()
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    var knownHosts = data.resolve("known_hosts");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(knownHosts) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    var port =
        Integer.parseInt(
            Files.readString(knownHosts).replaceAll("(?s)^\\[127\\.0\\.0\\.1]:(\\d+).*", "$1"));

    assertThat(exec(knownHosts, port, "swlist")).isZero();
    assertThat(exec(knownHosts, port, "cmhaltpkg g1")).isEqualTo(7);
  }

  private int exec(Path knownHosts, int port, String command) throws Exception {
    var jsch = new JSch();
    jsch.addIdentity(dir.resolve("id").toString());
    jsch.setKnownHosts(knownHosts.toString());
    var session = jsch.getSession("root", "127.0.0.1", port);
    session.setConfig("StrictHostKeyChecking", "yes");
    session.connect(10_000);
    try {
      var channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      channel.connect(10_000);
      while (!channel.isClosed()) {
        Thread.sleep(10);
      }
      return channel.getExitStatus();
    } finally {
      session.disconnect();
    }
  }
}
