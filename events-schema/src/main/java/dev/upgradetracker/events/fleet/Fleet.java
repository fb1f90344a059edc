package dev.upgradetracker.events.fleet;

import java.util.List;

/** A fleet file: the inventory import format, also read by the host simulator. */
public record Fleet(List<ClusterSpec> clusters) {}
