package dev.upgradetracker.command.audit;

import java.util.List;

/**
 * Every aggregate's chain checked, and its head compared with the copy published on Kafka: {@code
 * intact} when no chain breaks, {@code published} says which heads match their copy; {@code ok}
 * when both hold.
 */
public record FleetVerification(
    int aggregates,
    long events,
    boolean intact,
    List<ChainReport> broken,
    List<Head> heads,
    HeadComparison published,
    boolean ok) {

  /** {@code at}: when the head event was stored. */
  public record Head(
      String aggregateId, String aggregateType, long position, String hash, String at) {}

  static FleetVerification of(ChainVerifier.Chains chains, HeadComparison published) {
    boolean intact = chains.broken().isEmpty();
    return new FleetVerification(
        chains.aggregates(),
        chains.events(),
        intact,
        chains.broken(),
        chains.heads(),
        published,
        intact && published.ok());
  }
}
