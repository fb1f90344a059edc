package dev.upgradetracker.command.audit;

import java.util.List;

/**
 * Every aggregate's chain checked: the reports of those that break, each at its first break, and
 * every chain's head, to compare with the copies published on Kafka.
 */
public record FleetVerification(
    int aggregates, long events, boolean intact, List<ChainReport> broken, List<Head> heads) {

  /** {@code at}: when the head event was stored. */
  public record Head(
      String aggregateId, String aggregateType, long position, String hash, String at) {}
}
