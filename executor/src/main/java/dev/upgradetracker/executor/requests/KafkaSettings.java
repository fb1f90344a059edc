package dev.upgradetracker.executor.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("upgrade-tracker.kafka")
public record KafkaSettings(String bootstrapServers, int partitions, short replicas) {}
