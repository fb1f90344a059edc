package dev.upgradetracker.simulator.fleet;

import java.util.List;

/** The whole simulated fleet, as persisted between runs. */
public record SimulatorState(List<HostState> hosts, List<GuestState> guests) {}
