package dev.upgradetracker.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the broker is and how the system's topics are laid out. */
@ConfigurationProperties("upgrade-tracker.kafka")
public record KafkaSettings(String bootstrapServers, int partitions, short replicas) {}
