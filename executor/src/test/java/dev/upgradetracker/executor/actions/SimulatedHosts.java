package dev.upgradetracker.executor.actions;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.executor.ssh.SshConnector;
import dev.upgradetracker.executor.ssh.SshSettings;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** A simulated fleet over SSH, an executor key it trusts, and action runners that use both. */
final class SimulatedHosts implements AutoCloseable {

  final FleetModel fleet;
  final HostSimulator simulator;
  private final Path dir;

  private SimulatedHosts(Path dir, FleetModel fleet, HostSimulator simulator) {
    this.dir = dir;
    this.fleet = fleet;
    this.simulator = simulator;
  }

  static SimulatedHosts start(Path dir, Fleet fleet) throws Exception {
    var key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    key.writePrivateKey(dir.resolve("id_ecdsa").toString());
    Files.setPosixFilePermissions(
        dir.resolve("id_ecdsa"), PosixFilePermissions.fromString("rw-------"));
    key.writePublicKey(dir.resolve("authorized_keys").toString(), "executor");
    var model = FleetModel.of(fleet);
    var simulator =
        HostSimulator.start(model, dir.resolve("hostkeys"), dir.resolve("authorized_keys"));
    simulator.writeKnownHosts(dir.resolve("known_hosts"));
    return new SimulatedHosts(dir, model, simulator);
  }

  /**
   * A runner trusting the simulator's host keys; commands time out after 2 s, 3 connection
   * attempts.
   */
  ActionRunner runner() throws Exception {
    return runner(dir.resolve("known_hosts"));
  }

  ActionRunner runner(Path knownHosts) throws Exception {
    var settings =
        new SshSettings(
            "root",
            dir.resolve("id_ecdsa"),
            knownHosts,
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            2);
    return new ActionRunner(
        new SshConnector(settings),
        DefaultCatalog.load(),
        new ExecutionSettings(8, 3, Duration.ofMillis(100), Duration.ofHours(1), "executor"));
  }

  @Override
  public void close() {
    simulator.close();
  }
}
