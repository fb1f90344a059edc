package dev.upgradetracker.simulator.fleet;

import dev.upgradetracker.events.fleet.Fleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one in-memory model every simulated host shares. All access is serialized on this object;
 * with a state file, every change is written through so a restarted simulator resumes the fleet
 * as it was.
 */
public final class FleetModel {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, HostState> hosts = new LinkedHashMap<>();
  private final Map<String, GuestState> guests = new LinkedHashMap<>();
  private final List<CommandLogEntry> commandLog = new ArrayList<>();
  private final Path stateFile;

  private FleetModel(SimulatorState state, Path stateFile) {
    state.hosts().forEach(h -> hosts.put(h.name(), h));
    state.guests().forEach(g -> guests.put(g.name(), g));
    this.stateFile = stateFile;
  }

  /** A model of {@code fleet} as described, kept in memory only. */
  public static FleetModel of(Fleet fleet) {
    return new FleetModel(initialState(fleet), null);
  }

  /** The model saved in {@code stateFile} if there is one, else {@code fleet} as described. */
  public static FleetModel persistent(Fleet fleet, Path stateFile) {
    var state =
        Files.exists(stateFile) ? read(stateFile) : initialState(fleet);
    var model = new FleetModel(state, stateFile);
    model.save();
    return model;
  }

  private static SimulatorState initialState(Fleet fleet) {
    var hostStates = new ArrayList<HostState>();
    var guestStates = new ArrayList<GuestState>();
    for (var cluster : fleet.clusters()) {
      for (var host : cluster.hosts()) {
        hostStates.add(
            new HostState(
                cluster.id(),
                host.name(),
                portOf(host.sshAddress()),
                host.hpuxVersion(),
                host.ivmVersion(),
                host.serviceguardVersion(),
                true));
      }
      for (var guest : cluster.guests()) {
        guestStates.add(
            new GuestState(cluster.id(), guest.name(), guest.host(), true, true, guest.kitVersion()));
      }
    }
    return new SimulatorState(hostStates, guestStates);
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

  public synchronized void updateGuest(String name, UnaryOperator<GuestState> change) {
    guests.computeIfPresent(name, (k, g) -> change.apply(g));
    save();
  }

  public synchronized void recordPort(String host, int port) {
    hosts.computeIfPresent(host, (k, h) -> h.withPort(port));
    save();
  }

  public synchronized void log(String host, String commandLine, int exitCode) {
    commandLog.add(new CommandLogEntry(Instant.now(), host, commandLine, exitCode));
  }

  public synchronized List<CommandLogEntry> commandLog() {
    return List.copyOf(commandLog);
  }

  private void save() {
    if (stateFile == null) {
      return;
    }
    try {
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
      var tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      JSON.writeValue(
          tmp.toFile(),
          new SimulatorState(List.copyOf(hosts.values()), List.copyOf(guests.values())));
      Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the simulated fleet to " + stateFile, e);
    }
  }

  private static SimulatorState read(Path stateFile) {
    return JSON.readValue(stateFile.toFile(), SimulatorState.class);
  }
}
