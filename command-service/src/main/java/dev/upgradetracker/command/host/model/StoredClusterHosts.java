package dev.upgradetracker.command.host.model;

import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;

/** A stored cluster's team and hosts as its latest inventory event left them. */
public record StoredClusterHosts(String clusterId, String team, List<VmHost> hosts) {}
