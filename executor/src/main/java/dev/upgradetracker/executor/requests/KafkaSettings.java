package dev.upgradetracker.executor.requests;

import dev.upgradetracker.messaging.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the broker is and how the system's topics are laid out.
 *
 * @param namespace prefixes this installation's topics and consumer groups; empty for none
 */
@ConfigurationProperties("upgrade-tracker.kafka")
public record KafkaSettings(
    String bootstrapServers, int partitions, short replicas, String namespace) {

  public Topics topics() {
    return new Topics(namespace);
  }
}
