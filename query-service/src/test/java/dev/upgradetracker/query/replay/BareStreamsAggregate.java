package dev.upgradetracker.query.replay;

import dev.upgradetracker.messaging.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The engine beneath the views, bare: Kafka Streams aggregating the same topic by key into RocksDB
 * (the total size of each key's records), with the rebuild's guarantee and commit interval.
 */
final class BareStreamsAggregate {

  private BareStreamsAggregate() {}

  /** Events per second from start until every event was aggregated. */
  static double run(KafkaConnection kafka, String topic, long events, Path dir)
      throws InterruptedException {
    var aggregated = new AtomicLong();
    var builder = new StreamsBuilder();
    builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .groupByKey()
        .aggregate(
            () -> 0L,
            (key, value, total) -> {
              aggregated.incrementAndGet();
              return total + value.length;
            },
            Materialized.with(Serdes.String(), Serdes.Long()));
    var props = new Properties();
    props.putAll(kafka.properties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-bare-aggregate");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("bare-state").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
    // as many threads as the rebuild it is measured beside
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, ViewsRebuild.THREADS);
    props.put("auto.offset.reset", "earliest");
    long start = System.nanoTime();
    try (var streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      while (aggregated.get() < events) {
        Thread.sleep(20);
      }
      double rate = events / ((System.nanoTime() - start) / 1e9);
      streams.close(Duration.ofSeconds(10));
      return rate;
    }
  }
}
