package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.KafkaSecurity;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.Topics;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stateDir where the views' RocksDB stores live; a fresh directory rebuilds every view from
 *     offset 0 of the events topic
 * @param applicationId the Kafka Streams application id: instances sharing it share the work
 * @param advertisedHost the host other instances reach this one at, to query its stores
 * @param namespace prefixes this installation's topics and application ids; empty for none
 * @param security how the clients authenticate and encrypt (KAFKA_SECURITY_PROTOCOL, ...)
 */
@ConfigurationProperties("upgrade-tracker.views")
public record StreamsSettings(
    String bootstrapServers,
    Path stateDir,
    String applicationId,
    int partitions,
    short replicas,
    String advertisedHost,
    String namespace,
    KafkaSecurity security) {

  /** The Kafka part of these settings, as every service has it. */
  public KafkaSettings kafka() {
    return new KafkaSettings(bootstrapServers, partitions, replicas, namespace, security);
  }

  public KafkaConnection connection() {
    return kafka().connection();
  }

  public Topics topics() {
    return kafka().topics();
  }
}
