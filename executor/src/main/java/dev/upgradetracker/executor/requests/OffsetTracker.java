package dev.upgradetracker.executor.requests;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed while requests finish out of order: per partition, up to (not
 * including) the lowest request still running. Not thread-safe: callers synchronize.
 */
final class OffsetTracker {

  private final Map<TopicPartition, TreeSet<Long>> running = new HashMap<>();
  private final Map<TopicPartition, Long> nextToRead = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  void started(TopicPartition partition, long offset) {
    running.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    nextToRead.merge(partition, offset + 1, Math::max);
  }

  /**
   * The consumer's position after a poll: past the records it returned, and past the transaction
   * markers that follow them, which no record ever reports.
   */
  void readUpTo(TopicPartition partition, long position) {
    nextToRead.merge(partition, position, Math::max);
  }

  void finished(TopicPartition partition, long offset) {
    var offsets = running.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  int running() {
    return running.values().stream().mapToInt(TreeSet::size).sum();
  }

  /** The offsets to commit now: each partition's first unfinished offset, where it moved. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    var commits = new HashMap<TopicPartition, OffsetAndMetadata>();
    nextToRead.forEach(
        (partition, next) -> {
          var offsets = running.get(partition);
          long safe = offsets == null || offsets.isEmpty() ? next : offsets.first();
          if (!Long.valueOf(safe).equals(committed.get(partition))) {
            commits.put(partition, new OffsetAndMetadata(safe));
          }
        });
    return commits;
  }

  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
  }

  /** A partition another consumer now owns: what still runs here will be redone there, probed. */
  void forget(TopicPartition partition) {
    running.remove(partition);
    nextToRead.remove(partition);
    committed.remove(partition);
  }
}
