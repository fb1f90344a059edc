package dev.upgradetracker.query.streams;

import dev.upgradetracker.query.web.ViewsNotReady;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The views' stores as far as this instance holds them. */
public interface LocalStores {

  /** Throws {@link ViewsNotReady} while the views are not ready. */
  <V> ReadOnlyKeyValueStore<String, V> store(String name);

  /**
   * The store's partitions held here, each on its own: each keeps its keys in order, which the
   * whole store does not (its iterators go partition after partition).
   */
  <V> List<ReadOnlyKeyValueStore<String, V>> partitionsOf(String name);
}
