package dev.upgradetracker.simulator.ssh;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.simulator.faults.Faults;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;
import dev.upgradetracker.simulator.shell.HostShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Serves every host of a {@link FleetModel} over SSH: one port and one persistent ECDSA P-256 host
 * key per host, public-key authentication against one authorized_keys file.
 */
public final class HostSimulator implements AutoCloseable {

  private static final String ADDRESS = "127.0.0.1";

  private final FleetModel fleet;
  private final Faults faults = new Faults();
  private final Map<String, SshServer> servers = new ConcurrentHashMap<>();
  private final HostShell shell;
  private final Path keyDir;
  private final Path authorizedKeys;

  private HostSimulator(FleetModel fleet, Path keyDir, Path authorizedKeys) {
    this.fleet = fleet;
    this.shell = new HostShell(fleet);
    this.keyDir = keyDir;
    this.authorizedKeys = authorizedKeys;
  }

  /**
   * Starts a server per host, on the port the fleet names (0: any free port, then remembered). Host
   * keys live under {@code keyDir} and stay the same across restarts.
   */
  public static HostSimulator start(FleetModel fleet, Path keyDir, Path authorizedKeys) {
    var simulator = new HostSimulator(fleet, keyDir, authorizedKeys);
    try {
      Files.createDirectories(keyDir);
      for (var host : fleet.hosts()) {
        simulator.serve(host);
      }
      return simulator;
    } catch (IOException e) {
      simulator.close();
      throw new UncheckedIOException("cannot start the host simulator: " + e.getMessage(), e);
    }
  }

  /**
   * Plays the clusters of {@code more} too, each new host on its own port with its own key, while
   * the others go on; refused, adding nothing, when any of them is already played.
   */
  public synchronized void add(Fleet more) {
    fleet.add(more);
    try {
      for (var cluster : more.clusters()) {
        for (var host : fleet.hostsOf(cluster.id())) {
          serve(host);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the added hosts: " + e.getMessage(), e);
    }
  }

  private void serve(HostState host) throws IOException {
    var server = SshServer.setUpDefaultServer();
    server.setHost(ADDRESS);
    server.setPort(host.port());
    var keys = new SimpleGeneratorHostKeyProvider(keyDir.resolve(host.name() + ".hostkey"));
    keys.setAlgorithm("EC");
    keys.setKeySize(256);
    server.setKeyPairProvider(keys);
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    server.setCommandFactory(
        (channel, command) -> new SimulatedCommand(shell, faults, host.name(), command));
    server.start();
    servers.put(host.name(), server);
    fleet.recordPort(host.name(), server.getPort());
  }

  public FleetModel fleet() {
    return fleet;
  }

  /** Faults to inject into the commands hosts receive, changeable while running. */
  public Faults faults() {
    return faults;
  }

  /** Where to reach {@code host}, as {@code address:port}. */
  public String addressOf(String host) {
    var server = servers.get(host);
    if (server == null) {
      throw new IllegalArgumentException("the simulator serves no host named " + host);
    }
    return ADDRESS + ":" + server.getPort();
  }

  /** OpenSSH known_hosts lines, one per host, for strict host-key checking by clients. */
  public List<String> knownHostsLines() {
    var lines = new ArrayList<String>();
    servers.forEach(
        (host, server) -> {
          try {
            for (var pair : server.getKeyPairProvider().loadKeys(null)) {
              lines.add(
                  "["
                      + ADDRESS
                      + "]:"
                      + server.getPort()
                      + " "
                      + PublicKeyEntry.toString(pair.getPublic()));
            }
          } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the host key of " + host, e);
          }
        });
    return lines;
  }

  public void writeKnownHosts(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // whole or not at all: an executor may read it at any moment
      var tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, knownHostsLines());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    for (var server : servers.values()) {
      try {
        server.stop(true);
      } catch (IOException e) {
        // stopping the other servers matters more than this one's error
      }
    }
    servers.clear();
    fleet.close();
  }
}
