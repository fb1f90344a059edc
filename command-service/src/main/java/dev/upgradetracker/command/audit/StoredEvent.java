package dev.upgradetracker.command.audit;

/**
 * An event in the form the event store keeps it: the columns a hash covers, exactly as stored
 * ({@code timestamp} as the stored text, payload and metadata as their serialized JSON).
 */
record StoredEvent(
    String aggregateId,
    long sequence,
    String eventId,
    String timestamp,
    String payloadType,
    String payloadRevision,
    byte[] payload,
    byte[] metaData) {}
