package dev.upgradetracker.messaging;

import java.util.Properties;

/**
 * Where a Kafka cluster is and how to reach it safely: what every client of a service starts from.
 */
public record KafkaConnection(String bootstrapServers, KafkaSecurity security) {

  /** A cluster reached without authentication or encryption (tests, the embedded broker). */
  public static KafkaConnection plain(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, KafkaSecurity.NONE);
  }

  /** The client properties: security first, then the servers. */
  public Properties properties() {
    var props = security.properties();
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }
}
