package dev.upgradetracker.command.audit;

/** The last event of an aggregate as published on Kafka: its position and recorded hash. */
public record PublishedHead(String aggregateId, long position, String hash) {}
