package dev.upgradetracker.simulator.fleet;

import dev.upgradetracker.events.fleet.Topology;
import java.util.List;
import java.util.Map;

/** The whole simulated fleet, as persisted between runs. */
public record SimulatorState(
    Map<String, Topology> topologies,
    List<HostState> hosts,
    List<GuestState> guests,
    List<PackageState> packages,
    List<Violation> violations) {}
