package dev.upgradetracker.events.fleet;

import java.util.List;

/** A Serviceguard application package on a GUESTS_AS_NODES cluster: it runs on one guest node. */
public record AppPackage(String name, String node, List<String> failoverNodes) {}
