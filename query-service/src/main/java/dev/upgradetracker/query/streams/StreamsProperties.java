package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.KafkaConnection;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings every run of the views topology shares. */
public final class StreamsProperties {

  private StreamsProperties() {}

  /**
   * @param cacheBytes the record cache of the stores that cache, shared by the stream threads
   */
  @SuppressWarnings(
      "deprecation") // the global handler's switch goes when Kafka 5 makes it the rule
  public static Properties of(
      KafkaConnection kafka, String applicationId, Path stateDir, long cacheBytes) {
    var props = kafka.properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    // a rebuild that dies is thrown away and started anew; the live views commit exactly once
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    // an instance killed without leaving holds its tasks until its session ends: 10 s, not 45 s
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    // the publisher writes in transactions: what an aborted one wrote is never folded into a view
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    // Kafka 5's behaviour now (global stores fail as the others do on a processing error), and
    // no warning at every start asking for it
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // and for the copy of these settings the partition assignor reads from its consumer's
    props.put(
        StreamsConfig.mainConsumerPrefix(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
        true);
    return props;
  }
}
