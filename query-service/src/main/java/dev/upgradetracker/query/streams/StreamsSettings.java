package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.KafkaSecurity;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stateDir where the views' RocksDB stores live; a fresh directory rebuilds every view from
 *     offset 0 of the events topic
 * @param applicationId the Kafka Streams application id: instances sharing it share the work
 * @param advertisedHost the host other instances reach this one at, to query its stores; blank:
 *     this machine's address (each replica of a scaled container has its own)
 * @param namespace prefixes this installation's topics and application ids; empty for none
 * @param security how the clients authenticate and encrypt (KAFKA_SECURITY_PROTOCOL, ...)
 * @param instance this process's name among the query services (KAFKA_INSTANCE), kept across its
 *     restarts: the views' stream threads are static members of their group under it, so a
 *     restarted instance takes its tasks back at once; empty for none
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
    KafkaSecurity security,
    String instance) {

  /** The Kafka part of these settings, as every service has it. */
  public KafkaSettings kafka() {
    return new KafkaSettings(bootstrapServers, partitions, replicas, namespace, security, instance);
  }

  /** The host to advertise: the one set, or this machine's address when none is. */
  public String advertisedHostOrAddress() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "VIEWS_ADVERTISED_HOST is blank and this machine's address is unknown: set it", e);
    }
  }

  public KafkaConnection connection() {
    return kafka().connection();
  }

  public Topics topics() {
    return kafka().topics();
  }
}
