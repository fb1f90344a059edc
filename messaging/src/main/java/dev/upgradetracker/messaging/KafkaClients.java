package dev.upgradetracker.messaging;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers and consumers with the settings every service relies on. */
public final class KafkaClients {

  private KafkaClients() {}

  /** Idempotent, acks=all, order kept per key across retries. */
  public static <V> KafkaProducer<String, V> producer(
      KafkaConnection kafka, String clientId, JsonSerde<V> values) {
    return new KafkaProducer<>(producerProperties(kafka, clientId), new StringSerializer(), values);
  }

  /**
   * How long a transaction may stay open before the broker aborts it: what a process killed in the
   * middle of one leaves open holds every read-committed reader of its partitions back that long
   * (Kafka's default is 60 s; Kafka Streams takes 10 s for its own). A batch that outlasts it is
   * aborted and published again.
   */
  public static final int TRANSACTION_TIMEOUT_MS = 10_000;

  /**
   * As {@link #producer}, writing in transactions under {@code transactionalId}: what a failed
   * transaction wrote stays invisible to every reader, since all of ours read committed records
   * only. The caller initializes transactions.
   */
  public static <V> KafkaProducer<String, V> transactionalProducer(
      KafkaConnection kafka, String clientId, String transactionalId, Serializer<V> values) {
    var props = producerProperties(kafka, clientId);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }

  /** The settings of {@link #producer}, for a producer of other keys or values. */
  public static Properties producerProperties(KafkaConnection kafka, String clientId) {
    var props = kafka.properties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }

  /** Manual commits only: an offset is committed after its effect is durable. */
  public static <V> KafkaConsumer<String, V> consumer(
      KafkaConnection kafka, String groupId, JsonSerde<V> values) {
    return consumer(kafka, groupId, "", values);
  }

  /**
   * As {@link #consumer(KafkaConnection, String, JsonSerde)}, a static member of its group when
   * {@code instance} is not empty ({@link KafkaSettings#instance}).
   */
  public static <V> KafkaConsumer<String, V> consumer(
      KafkaConnection kafka, String groupId, String instance, JsonSerde<V> values) {
    var props = kafka.properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    if (!instance.isEmpty()) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
    }
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a member killed without leaving holds its partitions until its session ends: 10 s, not the
    // default 45 s, so a restarted executor resumes its work within seconds
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    return new KafkaConsumer<>(props, new StringDeserializer(), values);
  }
}
