package dev.upgradetracker.command.audit;

/**
 * One aggregate's chain, checked: {@code firstBreak} is null when every event is intact. {@code
 * headHash} is the hash the last event (at {@code headPosition}) records: compared with a copy kept
 * elsewhere (the events on Kafka carry it), it shows a chain rewritten consistently from some event
 * on. {@code headAt}: when the last event was stored.
 */
public record ChainReport(
    String aggregateId,
    String aggregateType,
    long events,
    boolean intact,
    ChainBreak firstBreak,
    long headPosition,
    String headHash,
    String headAt) {}
