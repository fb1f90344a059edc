package dev.upgradetracker.messaging;

import java.util.regex.Pattern;

/**
 * Where the broker is, how the system's topics are laid out, and how a service's clients reach it
 * ({@code upgrade-tracker.kafka.*}).
 *
 * @param namespace prefixes this installation's topics and consumer groups; empty for none
 * @param security how the clients authenticate and encrypt (KAFKA_SECURITY_PROTOCOL, ...)
 * @param instance this process's name among the instances of its service (KAFKA_INSTANCE), kept
 *     across its restarts and given to no other process at once; empty for none. A consumer group
 *     member of that name ({@code group.instance.id}) that dies and comes back takes its partitions
 *     back at once instead of after its session; a second process of the same name fences the
 *     first.
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicas,
    String namespace,
    KafkaSecurity security,
    String instance) {

  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public KafkaSettings {
    instance = instance == null ? "" : instance;
    if (!instance.isEmpty() && !INSTANCE.matcher(instance).matches()) {
      throw new IllegalArgumentException(
          "KAFKA_INSTANCE must be 1 to 64 letters, digits, '.', '_' or '-'; got \""
              + (instance.length() > 80 ? instance.substring(0, 80) + "..." : instance)
              + "\"");
    }
  }

  /** What every Kafka client of the service starts from. */
  public KafkaConnection connection() {
    return new KafkaConnection(bootstrapServers, security == null ? KafkaSecurity.NONE : security);
  }

  public Topics topics() {
    return new Topics(namespace);
  }
}
