package dev.upgradetracker.simulator.fleet;

/** A breach of the procedure's rules that a command caused on a cluster's host. */
public record Violation(String cluster, String description) {}
