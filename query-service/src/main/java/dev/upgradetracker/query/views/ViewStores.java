package dev.upgradetracker.query.views;

import dev.upgradetracker.query.views.ViewsTopology.Run;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The stores of the views folded by hand (cluster views, team activity): timestamped, as the DSL's
 * aggregates keep theirs, so that a live store and its changelog keep their format. A live store
 * writes through a cache to its changelog; a rebuild's writes behind ({@link WriteBehindStore}).
 */
final class ViewStores {

  /** Pending views a rebuild holds at most before writing them down: ~10 KB each. */
  private static final int MAX_PENDING = 4_096;

  private ViewStores() {}

  /**
   * {@code view} as the DSL's aggregates stamp theirs: as new as the newest event folded into it
   * ({@code stored}: the view before, null for none).
   */
  static <V> ValueAndTimestamp<V> stamped(V view, long eventTime, ValueAndTimestamp<V> stored) {
    return ValueAndTimestamp.make(
        view, stored == null ? eventTime : Math.max(eventTime, stored.timestamp()));
  }

  static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> of(
      Run run, String name, Serde<V> values) {
    var stored =
        Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore(name), Serdes.String(), values);
    // live: a view changed by several events between two commits is written to its changelog
    // once (queries read through the cache, and a commit flushes it before the transaction ends)
    return run == Run.LIVE
        ? stored.withCachingEnabled()
        : new WritingBehind<>(stored.withCachingDisabled().withLoggingDisabled());
  }

  private record WritingBehind<V>(StoreBuilder<TimestampedKeyValueStore<String, V>> beneath)
      implements StoreBuilder<TimestampedKeyValueStore<String, V>> {

    @Override
    public TimestampedKeyValueStore<String, V> build() {
      return new WriteBehindStore<>(beneath.build(), MAX_PENDING);
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withCachingEnabled() {
      return new WritingBehind<>(beneath.withCachingEnabled());
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withCachingDisabled() {
      return new WritingBehind<>(beneath.withCachingDisabled());
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withLoggingEnabled(
        Map<String, String> config) {
      return new WritingBehind<>(beneath.withLoggingEnabled(config));
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withLoggingDisabled() {
      return new WritingBehind<>(beneath.withLoggingDisabled());
    }

    @Override
    public Map<String, String> logConfig() {
      return beneath.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return beneath.loggingEnabled();
    }

    @Override
    public String name() {
      return beneath.name();
    }
  }
}
