package dev.upgradetracker.query.streams;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stateDir where the views' RocksDB stores live; a fresh directory rebuilds every view from
 *     offset 0 of the events topic
 * @param applicationId the Kafka Streams application id: instances sharing it share the work
 * @param advertisedHost the host other instances reach this one at, to query its stores
 */
@ConfigurationProperties("upgrade-tracker.views")
public record StreamsSettings(
    String bootstrapServers,
    Path stateDir,
    String applicationId,
    int partitions,
    short replicas,
    String advertisedHost) {}
