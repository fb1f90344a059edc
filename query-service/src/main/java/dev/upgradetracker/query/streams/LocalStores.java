package dev.upgradetracker.query.streams;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The views' stores as far as this instance holds them. */
public interface LocalStores {

  /** Throws {@link ViewsNotReady} while the views are not ready. */
  <V> ReadOnlyKeyValueStore<String, V> store(String name);
}
