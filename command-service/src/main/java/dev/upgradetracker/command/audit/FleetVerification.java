package dev.upgradetracker.command.audit;

import java.util.List;

/** Every aggregate's chain checked: the reports of those that break, each at its first break. */
public record FleetVerification(
    int aggregates, long events, boolean intact, List<ChainReport> broken) {}
