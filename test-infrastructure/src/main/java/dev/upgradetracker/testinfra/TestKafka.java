package dev.upgradetracker.testinfra;

import dev.upgradetracker.kafka.SharedTestBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The tests' Kafka broker, as {@link TestInfrastructure} chose: the build's embedded broker, or a
 * container of the same Kafka version. Tests isolate themselves with a {@link #namespace(String)}.
 */
public final class TestKafka {

  /** The Kafka the project builds on (the root pom's {@code kafka.version}). */
  static final DockerImageName IMAGE =
      DockerImageName.parse("apache/kafka").withTag(BuildVersions.kafka());

  /** The SCRAM-SHA-256 user of {@link #saslBootstrapServers()}. */
  public static final String SASL_USER = SharedTestBroker.SASL_USER;

  public static final String SASL_PASSWORD = SharedTestBroker.SASL_PASSWORD;

  private static KafkaContainer container;

  private TestKafka() {}

  public static String bootstrapServers() {
    return TestInfrastructure.backend() == TestBackend.LOCAL
        ? SharedTestBroker.bootstrapServers()
        : container().getBootstrapServers();
  }

  /**
   * A SASL_PLAINTEXT listener (SCRAM-SHA-256, user {@link #SASL_USER}): always the embedded
   * broker's, which configures its own listeners; a container's would need one more listener
   * advertised on a port known only once it runs.
   */
  public static String saslBootstrapServers() {
    return SharedTestBroker.saslBootstrapServers();
  }

  public static String namespace(String test) {
    return SharedTestBroker.namespace(test);
  }

  /** Like the embedded broker: topics only as the services create them, 12 partitions each. */
  private static synchronized KafkaContainer container() {
    if (container == null) {
      container =
          new KafkaContainer(IMAGE)
              .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
              .withEnv("KAFKA_NUM_PARTITIONS", "12")
              .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
      container.start();
    }
    return container;
  }
}
