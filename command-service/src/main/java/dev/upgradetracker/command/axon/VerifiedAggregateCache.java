package dev.upgradetracker.command.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * Axon's cache of loaded aggregates, bounded, handing out an aggregate only while the event store
 * holds nothing newer than it: another instance of the service may have written the aggregate since
 * it was cached, and a command decided on a stale state could be refused for a reason that no
 * longer holds. One indexed read of the aggregate's last sequence replaces reading its snapshot and
 * events and replaying them. An aggregate whose command failed is dropped (by Axon's repository).
 */
final class VerifiedAggregateCache implements Cache {

  /** The version of the aggregate a cache entry holds: Axon keeps it but does not expose it. */
  private static final VarHandle ENTRY_VERSION = entryVersion();

  private final ConcurrentMap<Object, Object> entries;
  private final Function<String, Optional<Long>> lastSequence;

  /**
   * @param lastSequence the sequence of the aggregate's last stored event, as the store holds it
   */
  VerifiedAggregateCache(int capacity, Function<String, Optional<Long>> lastSequence) {
    // evicting on the writing thread: no pool thread to leave past the bound for a while
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(capacity)
            .executor(Runnable::run)
            .<Object, Object>build()
            .asMap();
    this.lastSequence = lastSequence;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    var entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!current(key, entry)) {
      entries.remove(key, entry);
      return null;
    }
    return (V) entry;
  }

  private boolean current(Object key, Object entry) {
    return entry instanceof AggregateCacheEntry<?> cached
        && Objects.equals(
            ENTRY_VERSION.get(cached), lastSequence.apply(key.toString()).orElse(null));
  }

  @Override
  public void put(Object key, Object value) {
    entries.put(key, value);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value) == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
  }

  @Override
  public boolean remove(Object key) {
    return entries.remove(key) != null;
  }

  @Override
  public void removeAll() {
    entries.clear();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /** Nothing here listens to entries; refused rather than silently never called. */
  @Override
  public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
    throw new UnsupportedOperationException("the aggregate cache notifies no listeners");
  }

  private static VarHandle entryVersion() {
    try {
      return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
          .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Axon's AggregateCacheEntry no longer keeps its version in a field 'version'", e);
    }
  }
}
