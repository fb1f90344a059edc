package dev.upgradetracker.simulator.fleet;

import java.time.Instant;

/** A command a host received, and how it ended. */
public record CommandLogEntry(Instant at, String host, String commandLine, int exitCode) {}
