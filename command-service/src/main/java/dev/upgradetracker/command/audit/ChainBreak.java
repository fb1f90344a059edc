package dev.upgradetracker.command.audit;

/**
 * Where an aggregate's hash chain breaks: the event at {@code sequence} is not what was recorded
 * ({@code problem} says how; {@code expected} and {@code found} are the hashes or positions that
 * disagree).
 */
public record ChainBreak(
    long sequence, String eventId, String problem, String expected, String found) {}
