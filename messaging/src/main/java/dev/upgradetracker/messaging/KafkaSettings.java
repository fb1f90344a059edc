package dev.upgradetracker.messaging;

/**
 * Where the broker is, how the system's topics are laid out, and how a service's clients reach it
 * ({@code upgrade-tracker.kafka.*}).
 *
 * @param namespace prefixes this installation's topics and consumer groups; empty for none
 * @param security how the clients authenticate and encrypt (KAFKA_SECURITY_PROTOCOL, ...)
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicas,
    String namespace,
    KafkaSecurity security) {

  /** What every Kafka client of the service starts from. */
  public KafkaConnection connection() {
    return new KafkaConnection(bootstrapServers, security == null ? KafkaSecurity.NONE : security);
  }

  public Topics topics() {
    return new Topics(namespace);
  }
}
