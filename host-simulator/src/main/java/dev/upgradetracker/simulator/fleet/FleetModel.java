package dev.upgradetracker.simulator.fleet;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one in-memory model every simulated host shares. All access is serialized on this object.
 * With a state file, changes are written behind, at most every {@link #FLUSH_EVERY} and on {@link
 * #close()}, so a restarted simulator resumes the fleet as it was.
 */
public final class FleetModel implements AutoCloseable {

  static final Duration FLUSH_EVERY = Duration.ofMillis(250);
  private static final Logger log = LoggerFactory.getLogger(FleetModel.class);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          // an omitted flag or number in a fleet or faults file means false or 0
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private final Map<String, Topology> topologies = new LinkedHashMap<>();
  private final Map<String, HostState> hosts = new LinkedHashMap<>();
  private final Map<String, GuestState> guests = new LinkedHashMap<>();
  private final Map<String, PackageState> packages = new LinkedHashMap<>();
  private final List<Violation> violations = new ArrayList<>();
  private final List<CommandLogEntry> commandLog = new ArrayList<>();
  private final Path stateFile;
  private final Path commandLogFile;
  private boolean dirty;
  private Thread flusher;

  private FleetModel(SimulatorState state, Path stateFile) {
    topologies.putAll(state.topologies());
    state.hosts().forEach(h -> hosts.put(h.name(), h));
    state.guests().forEach(g -> guests.put(g.name(), g));
    state.packages().forEach(p -> packages.put(p.name(), p));
    violations.addAll(state.violations());
    this.stateFile = stateFile;
    this.commandLogFile = stateFile == null ? null : stateFile.resolveSibling(COMMAND_LOG_FILE);
    if (commandLogFile != null) {
      commandLog.addAll(readCommandLog(commandLogFile));
    }
  }

  /** The commands every host received, one JSON object a line, beside the state file. */
  public static final String COMMAND_LOG_FILE = "command-log.jsonl";

  private static List<CommandLogEntry> readCommandLog(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(line -> !line.isBlank())
          .map(line -> JSON.readValue(line, CommandLogEntry.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the simulator's command log " + file, e);
    }
  }

  /** A model of {@code fleet} as described, kept in memory only. */
  public static FleetModel of(Fleet fleet) {
    return new FleetModel(initialState(fleet), null);
  }

  /** The model saved in {@code stateFile} if there is one, else {@code fleet} as described. */
  public static FleetModel persistent(Fleet fleet, Path stateFile) {
    var state = Files.exists(stateFile) ? read(stateFile) : initialState(fleet);
    var model = new FleetModel(state, stateFile);
    model.dirty = true;
    model.flush();
    model.flusher =
        Thread.ofVirtual().name("simulator-state-flush").start(model::flushPeriodically);
    return model;
  }

  private static SimulatorState initialState(Fleet fleet) {
    var topologyOf = new LinkedHashMap<String, Topology>();
    var hostStates = new ArrayList<HostState>();
    var guestStates = new ArrayList<GuestState>();
    var packageStates = new ArrayList<PackageState>();
    for (var cluster : fleet.clusters()) {
      topologyOf.put(cluster.id(), cluster.topology());
      boolean guestsAreNodes = cluster.topology() == Topology.GUESTS_AS_NODES;
      for (var host : cluster.hosts()) {
        hostStates.add(
            new HostState(
                cluster.id(),
                host.name(),
                portOf(host.sshAddress()),
                host.hpuxVersion(),
                host.ivmVersion(),
                host.serviceguardVersion(),
                true,
                false,
                false,
                host.depot()));
      }
      for (var guest : cluster.guests()) {
        guestStates.add(
            new GuestState(
                cluster.id(),
                guest.name(),
                guest.host(),
                true,
                true,
                guest.kitVersion(),
                guestsAreNodes,
                false,
                guest.failoverNodes()));
      }
      for (var pkg : cluster.packages() == null ? List.<AppPackage>of() : cluster.packages()) {
        packageStates.add(new PackageState(cluster.id(), pkg.name(), pkg.node(), true, true));
      }
    }
    return new SimulatorState(topologyOf, hostStates, guestStates, packageStates, List.of());
  }

  /**
   * Adds clusters to the model as {@code fleet} describes them; refused, adding nothing, when a
   * cluster, host, guest or package of it is already modelled.
   */
  public synchronized void add(Fleet fleet) {
    var added = initialState(fleet);
    var taken =
        Stream.of(
                added.topologies().keySet().stream().filter(topologies::containsKey),
                added.hosts().stream().map(HostState::name).filter(hosts::containsKey),
                added.guests().stream().map(GuestState::name).filter(guests::containsKey),
                added.packages().stream().map(PackageState::name).filter(packages::containsKey))
            .flatMap(names -> names)
            .toList();
    if (!taken.isEmpty()) {
      throw new IllegalArgumentException("the simulator already plays " + taken);
    }
    topologies.putAll(added.topologies());
    added.hosts().forEach(h -> hosts.put(h.name(), h));
    added.guests().forEach(g -> guests.put(g.name(), g));
    added.packages().forEach(p -> packages.put(p.name(), p));
    save();
  }

  private static int portOf(String sshAddress) {
    if (sshAddress == null || sshAddress.isBlank()) {
      return 0;
    }
    return Integer.parseInt(sshAddress.substring(sshAddress.lastIndexOf(':') + 1));
  }

  public synchronized List<HostState> hosts() {
    return List.copyOf(hosts.values());
  }

  public synchronized Optional<HostState> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  public synchronized Optional<GuestState> guest(String name) {
    return Optional.ofNullable(guests.get(name));
  }

  public synchronized List<HostState> hostsOf(String cluster) {
    return hosts.values().stream().filter(h -> h.cluster().equals(cluster)).toList();
  }

  public synchronized List<GuestState> guestsOf(String cluster) {
    return guests.values().stream()
        .filter(g -> g.cluster().equals(cluster))
        .sorted(Comparator.comparing(GuestState::name))
        .toList();
  }

  public synchronized Topology topologyOf(String cluster) {
    return topologies.getOrDefault(cluster, Topology.GUESTS_AS_PACKAGES);
  }

  public synchronized Optional<PackageState> pkg(String name) {
    return Optional.ofNullable(packages.get(name));
  }

  public synchronized List<PackageState> packagesOf(String cluster) {
    return packages.values().stream().filter(p -> p.cluster().equals(cluster)).toList();
  }

  public synchronized List<GuestState> guestsOn(String host) {
    return guests.values().stream().filter(g -> g.node().equals(host)).toList();
  }

  public synchronized void updateHost(String name, UnaryOperator<HostState> change) {
    hosts.computeIfPresent(name, (k, h) -> change.apply(h));
    save();
  }

  public synchronized void updatePackage(String name, UnaryOperator<PackageState> change) {
    packages.computeIfPresent(name, (k, p) -> change.apply(p));
    save();
  }

  /** Records a breach of the procedure's rules that a command caused, for tests to find. */
  public synchronized void violation(String cluster, String description) {
    violations.add(new Violation(cluster, description));
    save();
  }

  /** What every breach was, in the order they happened. */
  public synchronized List<String> violations() {
    return violations.stream().map(Violation::description).toList();
  }

  /** The breaches on {@code cluster}'s hosts. */
  public synchronized List<String> violationsOf(String cluster) {
    return violations.stream()
        .filter(v -> v.cluster().equals(cluster))
        .map(Violation::description)
        .toList();
  }

  public synchronized void updateGuest(String name, UnaryOperator<GuestState> change) {
    guests.computeIfPresent(name, (k, g) -> change.apply(g));
    save();
  }

  /** The port each of these hosts listens on, saved once for all of them. */
  public synchronized void recordPorts(Map<String, Integer> ports) {
    ports.forEach((host, port) -> hosts.computeIfPresent(host, (k, h) -> h.withPort(port)));
    save();
  }

  /** Records a command a host received; with a state file, on disk before this returns. */
  public synchronized void log(String host, String commandLine, int exitCode, String actionId) {
    var entry = new CommandLogEntry(Instant.now(), host, commandLine, exitCode, actionId);
    commandLog.add(entry);
    if (commandLogFile != null) {
      try {
        Files.createDirectories(commandLogFile.toAbsolutePath().getParent());
        Files.writeString(
            commandLogFile,
            JSON.writeValueAsString(entry) + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the command log " + commandLogFile, e);
      }
    }
  }

  /** Every breach with its cluster, in the order they happened. */
  public synchronized List<Violation> violationRecords() {
    return List.copyOf(violations);
  }

  public synchronized List<CommandLogEntry> commandLog() {
    return List.copyOf(commandLog);
  }

  /** The commands {@code cluster}'s hosts received, in order. */
  public synchronized List<CommandLogEntry> commandLogOf(String cluster) {
    return commandLog.stream()
        .filter(e -> hosts.containsKey(e.host()) && hosts.get(e.host()).cluster().equals(cluster))
        .toList();
  }

  private void save() {
    dirty = stateFile != null;
  }

  private void flushPeriodically() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(FLUSH_EVERY);
      } catch (InterruptedException e) {
        return;
      }
      try {
        flush();
      } catch (RuntimeException e) {
        log.warn("saving the simulated fleet failed, trying again: {}", e.toString());
      }
    }
  }

  /** Writes the state file now if anything changed since the last write. */
  public synchronized void flush() {
    if (!dirty) {
      return;
    }
    try {
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
      var tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      JSON.writeValue(
          tmp.toFile(),
          new SimulatorState(
              Map.copyOf(topologies),
              List.copyOf(hosts.values()),
              List.copyOf(guests.values()),
              List.copyOf(packages.values()),
              List.copyOf(violations)));
      Files.move(
          tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the simulated fleet to " + stateFile, e);
    }
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.interrupt();
    }
    flush();
  }

  private static SimulatorState read(Path stateFile) {
    return JSON.readValue(stateFile.toFile(), SimulatorState.class);
  }
}
