package dev.upgradetracker.events.fleet;

import java.util.List;

/** One cluster as written in a fleet file or a registration request. */
public record ClusterSpec(
    String id, String team, Topology topology, List<VmHost> hosts, List<Guest> guests) {}
