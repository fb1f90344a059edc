package dev.upgradetracker.query.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A rebuild's view store: a view folded many times between two commits is kept as an object and
 * serialized once, when the task commits (or when too many are pending), instead of at every event
 * (a cluster view is ~10 KB of JSON; serializing it per event was half of a rebuild's time). Reads
 * see the pending views first, so a view is never read older than it was written.
 *
 * <p>Only for a rebuild: its stores have no changelog and its offsets guard nothing. Kafka Streams
 * commits a task's offsets before it commits its stores, so a live store that wrote behind would
 * lose the pending views to a crash between the two.
 */
final class WriteBehindStore<V> implements TimestampedKeyValueStore<String, V> {

  private final TimestampedKeyValueStore<String, V> beneath;
  private final int maxPending;
  private final Map<String, ValueAndTimestamp<V>> pending = new LinkedHashMap<>();

  WriteBehindStore(TimestampedKeyValueStore<String, V> beneath, int maxPending) {
    this.beneath = beneath;
    this.maxPending = maxPending;
  }

  @Override
  public synchronized void put(String key, ValueAndTimestamp<V> value) {
    if (value == null) {
      delete(key);
      return;
    }
    pending.put(key, value);
    if (pending.size() > maxPending) {
      writeDown();
    }
  }

  @Override
  public synchronized ValueAndTimestamp<V> putIfAbsent(String key, ValueAndTimestamp<V> value) {
    var current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public synchronized void putAll(List<KeyValue<String, ValueAndTimestamp<V>>> entries) {
    entries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public synchronized ValueAndTimestamp<V> delete(String key) {
    var dropped = pending.remove(key);
    var stored = beneath.delete(key);
    return dropped != null ? dropped : stored;
  }

  @Override
  public synchronized ValueAndTimestamp<V> get(String key) {
    var written = pending.get(key);
    return written != null ? written : beneath.get(key);
  }

  @Override
  public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> range(String from, String to) {
    writeDown();
    return beneath.range(from, to);
  }

  @Override
  public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> reverseRange(
      String from, String to) {
    writeDown();
    return beneath.reverseRange(from, to);
  }

  @Override
  public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> all() {
    writeDown();
    return beneath.all();
  }

  @Override
  public synchronized KeyValueIterator<String, ValueAndTimestamp<V>> reverseAll() {
    writeDown();
    return beneath.reverseAll();
  }

  @Override
  public synchronized <S extends Serializer<P>, P>
      KeyValueIterator<String, ValueAndTimestamp<V>> prefixScan(P prefix, S prefixSerializer) {
    writeDown();
    return beneath.prefixScan(prefix, prefixSerializer);
  }

  @Override
  public synchronized long approximateNumEntries() {
    writeDown();
    return beneath.approximateNumEntries();
  }

  @Override
  public synchronized <R> QueryResult<R> query(
      Query<R> query, PositionBound positionBound, QueryConfig config) {
    writeDown();
    return beneath.query(query, positionBound, config);
  }

  @Override
  public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeDown();
    beneath.commit(changelogOffsets);
  }

  @Override
  public synchronized void close() {
    writeDown();
    beneath.close();
  }

  private void writeDown() {
    if (pending.isEmpty()) {
      return;
    }
    var entries = new ArrayList<KeyValue<String, ValueAndTimestamp<V>>>(pending.size());
    pending.forEach((key, value) -> entries.add(KeyValue.pair(key, value)));
    beneath.putAll(entries);
    pending.clear();
  }

  /** The store beneath registers this one, so that Kafka Streams commits and closes through it. */
  @Override
  public void init(StateStoreContext context, StateStore root) {
    beneath.init(context, root);
  }

  @Override
  public String name() {
    return beneath.name();
  }

  @Override
  public boolean persistent() {
    return beneath.persistent();
  }

  @Override
  public boolean isOpen() {
    return beneath.isOpen();
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return beneath.committedOffset(partition);
  }

  @Override
  public Position getPosition() {
    return beneath.getPosition();
  }
}
