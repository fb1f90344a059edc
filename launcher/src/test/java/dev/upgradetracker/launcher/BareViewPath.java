package dev.upgradetracker.launcher;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engines beneath a view, bare, on the benchmark's broker: a record sent by an idempotent
 * producer (acks=all, as the publisher) to a topic of as many partitions as the events', folded by
 * Kafka Streams into a store by key with the live views' guarantee (exactly once), commit interval
 * (100 ms) and isolation (read committed), timed from sending until the fold has it. No HTTP, no
 * event store, no JSON.
 */
final class BareViewPath implements AutoCloseable {

  private static final String TOPIC = "bench-bare-view-path";

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaStreams streams;
  private final Map<String, CompletableFuture<Void>> folding = new ConcurrentHashMap<>();

  private BareViewPath(String bootstrap, Path stateDir) {
    var producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    var builder = new StreamsBuilder();
    builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .groupByKey()
        .aggregate(
            () -> -1L,
            (key, value, last) -> {
              long sequence = ByteBuffer.wrap(value).getLong();
              var waiting = folding.remove(key + "/" + sequence);
              if (waiting != null) {
                waiting.complete(null);
              }
              return Math.max(last, sequence);
            },
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("bench-bare-view")
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()));
    // the live views' settings (query-service's StreamsProperties and ViewsRunner), copied: the
    // launcher's tests do not have the query service's classes
    var props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, TOPIC);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    streams = new KafkaStreams(builder.build(), props);
  }

  /** Its topic made with as many partitions as {@code eventsTopic}, its fold running. */
  static BareViewPath start(String bootstrap, String eventsTopic, Path stateDir) throws Exception {
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      int partitions =
          admin
              .describeTopics(List.of(eventsTopic))
              .allTopicNames()
              .get()
              .get(eventsTopic)
              .partitions()
              .size();
      admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
    }
    var path = new BareViewPath(bootstrap, stateDir);
    path.streams.start();
    return path;
  }

  /** Micros from sending {@code payload} as {@code key}'s record {@code sequence} to its fold. */
  long sendAndAwait(String key, long sequence, byte[] payload) throws Exception {
    var folded = new CompletableFuture<Void>();
    folding.put(key + "/" + sequence, folded);
    var value = ByteBuffer.allocate(Long.BYTES + payload.length).putLong(sequence).put(payload);
    long sent = System.nanoTime();
    producer.send(new ProducerRecord<>(TOPIC, key, value.array())).get();
    folded.get(30, TimeUnit.SECONDS);
    return (System.nanoTime() - sent) / 1_000;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    streams.close(Duration.ofSeconds(10));
  }
}
