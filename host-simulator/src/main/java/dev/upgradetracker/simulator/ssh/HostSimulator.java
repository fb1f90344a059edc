package dev.upgradetracker.simulator.ssh;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.simulator.faults.Faults;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;
import dev.upgradetracker.simulator.shell.HostShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Serves every host of a {@link FleetModel} over SSH: one port and one persistent ECDSA P-256 host
 * key per host, public-key authentication against one authorized_keys file; one server listens on
 * all the ports.
 */
public final class HostSimulator implements AutoCloseable {

  private static final String ADDRESS = "127.0.0.1";

  private final FleetModel fleet;
  private final Faults faults = new Faults();
  private final ManyPortSshServer server =
      (ManyPortSshServer) ServerBuilder.builder().factory(ManyPortSshServer::new).build();
  private final Map<String, ServedHost> byName = new ConcurrentHashMap<>();
  private final Map<Integer, ServedHost> byPort = new ConcurrentHashMap<>();
  private final HostShell shell;
  private final Path keyDir;
  private final Path authorizedKeys;

  private record ServedHost(String name, int port, KeyPairProvider keys) {}

  private HostSimulator(FleetModel fleet, Path keyDir, Path authorizedKeys) {
    this.fleet = fleet;
    this.shell = new HostShell(fleet);
    this.keyDir = keyDir;
    this.authorizedKeys = authorizedKeys;
  }

  /**
   * Starts serving every host, on the port the fleet names (0: any free port, then remembered).
   * Host keys live under {@code keyDir} and stay the same across restarts.
   */
  public static HostSimulator start(FleetModel fleet, Path keyDir, Path authorizedKeys) {
    var simulator = new HostSimulator(fleet, keyDir, authorizedKeys);
    try {
      Files.createDirectories(keyDir);
      simulator.startServer();
      simulator.serve(fleet.hosts());
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
      var added = new ArrayList<HostState>();
      for (var cluster : more.clusters()) {
        added.addAll(fleet.hostsOf(cluster.id()));
      }
      serve(added);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the added hosts: " + e.getMessage(), e);
    }
  }

  /** One server for every host: the port a connection arrives on tells which host it reached. */
  private void startServer() throws IOException {
    server.setKeyPairProvider(session -> hostOn(session).keys().loadKeys(session));
    var authorized = new AuthorizedKeysAuthenticator(authorizedKeys);
    // one for every host: under 1,000 handshakes at once its (re)reading of the file refused a
    // few valid keys (./bench simulator), so one check at a time
    server.setPublickeyAuthenticator(
        (user, key, session) -> {
          synchronized (authorized) {
            return authorized.authenticate(user, key, session);
          }
        });
    server.setCommandFactory(
        (channel, command) ->
            new SimulatedCommand(shell, faults, hostOn(channel.getSession()).name(), command));
    server.startUnbound(ADDRESS);
  }

  private void serve(List<HostState> hosts) throws IOException {
    var ports = new HashMap<String, Integer>();
    for (var host : hosts) {
      var keys = new SimpleGeneratorHostKeyProvider(keyDir.resolve(host.name() + ".hostkey"));
      keys.setAlgorithm("EC");
      keys.setKeySize(256);
      // generated now, not during a client's first handshake
      keys.loadKeys(null);
      int port = server.listen(ADDRESS, host.port()).getPort();
      var served = new ServedHost(host.name(), port, keys);
      byName.put(host.name(), served);
      byPort.put(port, served);
      ports.put(host.name(), port);
    }
    fleet.recordPorts(ports);
  }

  private ServedHost hostOn(SessionContext session) {
    var local = ((Session) session).getIoSession().getLocalAddress();
    var host = byPort.get(((InetSocketAddress) local).getPort());
    if (host == null) {
      throw new IllegalStateException("no simulated host listens on " + local);
    }
    return host;
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
    var served = byName.get(host);
    if (served == null) {
      throw new IllegalArgumentException("the simulator serves no host named " + host);
    }
    return ADDRESS + ":" + served.port();
  }

  /** OpenSSH known_hosts lines, one per host, for strict host-key checking by clients. */
  public List<String> knownHostsLines() {
    var lines = new ArrayList<String>();
    byName.forEach(
        (name, host) -> {
          try {
            for (var pair : host.keys().loadKeys(null)) {
              lines.add(
                  "["
                      + ADDRESS
                      + "]:"
                      + host.port()
                      + " "
                      + PublicKeyEntry.toString(pair.getPublic()));
            }
          } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the host key of " + name, e);
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
    try {
      server.stop(true);
    } catch (IOException e) {
      // the fleet's state is saved whether or not the server stopped cleanly
    }
    byName.clear();
    byPort.clear();
    fleet.close();
  }
}
