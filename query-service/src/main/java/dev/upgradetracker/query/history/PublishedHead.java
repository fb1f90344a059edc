package dev.upgradetracker.query.history;

/**
 * The last event of a cluster as published on Kafka: its position and the hash the event store
 * recorded for it, to hold against the store's own chain.
 */
public record PublishedHead(String clusterId, long position, String hash) {}
