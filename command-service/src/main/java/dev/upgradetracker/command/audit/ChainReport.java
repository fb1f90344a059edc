package dev.upgradetracker.command.audit;

/** One aggregate's chain, checked: {@code firstBreak} is null when every event is intact. */
public record ChainReport(
    String aggregateId, String aggregateType, long events, boolean intact, ChainBreak firstBreak) {}
