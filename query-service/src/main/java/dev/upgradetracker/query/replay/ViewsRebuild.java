package dev.upgradetracker.query.replay;

import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.streams.StreamsProperties;
import dev.upgradetracker.query.views.ViewsTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Rebuilds every view from offset 0 into a fresh state directory, beside the live views and without
 * touching them: its own application id, no published changes. Used to compare a rebuild with the
 * live views, and to measure the rebuild rate.
 */
public final class ViewsRebuild implements AutoCloseable {

  private static final Duration SETTLING = ViewsTopology.REBUILD_HOLDS_BACK.multipliedBy(10);

  /** A rebuild nobody watches may batch its store writes. */
  private static final long CACHE_BYTES = 64L * 1024 * 1024;

  /**
   * One thread folded at most one core's worth while the others idled ({@code ./bench rebuild}).
   */
  static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final KafkaConnection kafka;
  private final Topics topics;
  private final String applicationId;
  private final KafkaStreams streams;

  private ViewsRebuild(
      KafkaConnection kafka, Topics topics, String applicationId, KafkaStreams streams) {
    this.kafka = kafka;
    this.topics = topics;
    this.applicationId = applicationId;
    this.streams = streams;
  }

  public static ViewsRebuild start(KafkaConnection kafka, Topics topics, Path stateDir) {
    var applicationId = topics.group("upgrade-tracker-views-rebuild-" + UUID.randomUUID());
    var props = StreamsProperties.of(kafka, applicationId, stateDir, CACHE_BYTES);
    props.put("auto.offset.reset", "earliest");
    // fewer flushes: a view changed many times between two commits is written once
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
    var streams = new KafkaStreams(ViewsTopology.build(ViewsTopology.Run.REBUILD, topics), props);
    streams.start();
    return new ViewsRebuild(kafka, topics, applicationId, streams);
  }

  /**
   * Waits until the rebuild has consumed every input and internal topic to its end, as its
   * committed offsets show.
   */
  public void awaitCaughtUp(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    try (var admin = Admin.create(adminProps())) {
      while (!(caughtUp(admin) && stillCaughtUpAfter(SETTLING, admin))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the rebuild did not catch up within " + patience + " (" + streams.state() + ")");
        }
        Thread.sleep(50);
      }
    }
  }

  /** What the rebuild held back when it looked caught up is on its way to a topic by then. */
  private boolean stillCaughtUpAfter(Duration settling, Admin admin) throws InterruptedException {
    Thread.sleep(settling.toMillis());
    return caughtUp(admin);
  }

  private boolean caughtUp(Admin admin) throws InterruptedException {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return false;
    }
    try {
      var committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      var inputs =
          admin
              .describeTopics(ViewsTopology.inputTopics(topics))
              .allTopicNames()
              .get()
              .values()
              .stream()
              .flatMap(
                  topic ->
                      topic.partitions().stream()
                          .map(p -> new TopicPartition(topic.name(), p.partition())))
              .toList();
      var ends = new HashMap<TopicPartition, OffsetSpec>();
      inputs.forEach(p -> ends.put(p, OffsetSpec.latest()));
      committed.keySet().forEach(p -> ends.put(p, OffsetSpec.latest()));
      var latest = admin.listOffsets(ends).all().get();
      for (var partition : ends.keySet()) {
        long end = latest.get(partition).offset();
        var offset = committed.get(partition);
        if (end > 0 && (offset == null || offset.offset() < end)) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** Every entry of one of {@link ViewsTopology}'s stores, as rebuilt. */
  public <V> Map<String, V> contents(String store) {
    var all = new HashMap<String, V>();
    var view =
        streams.store(
            StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(
                store, QueryableStoreTypes.keyValueStore()));
    try (var iterator = view.all()) {
      iterator.forEachRemaining(entry -> all.put(entry.key, entry.value));
    }
    return all;
  }

  /** Stops the rebuild and removes its state, its internal topics and its consumer group. */
  @Override
  public void close() {
    streams.close(Duration.ofSeconds(10));
    streams.cleanUp();
    try (var admin = Admin.create(adminProps())) {
      var internal =
          admin.listTopics().names().get().stream()
              .filter(name -> name.startsWith(applicationId + "-"))
              .toList();
      admin.deleteTopics(internal).all().get();
      admin.deleteConsumerGroups(List.of(applicationId)).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the rebuild's leftovers stay; they change no live view
    }
  }

  private Properties adminProps() {
    return kafka.properties();
  }
}
