package dev.upgradetracker.query.history;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.query.streams.LocalStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

/** Reads this instance's part of the history stores. */
@Component
public class HistoryReader {

  private static final Instant END_OF_TIME = Instant.ofEpochMilli(999_999_999_999_999L);

  private final LocalStores views;

  public HistoryReader(LocalStores views) {
    this.views = views;
  }

  /** The cluster's stored events, in position order. */
  public List<AuditRecord> records(String clusterId) {
    var records = new ArrayList<AuditRecord>();
    try (var range =
        views
            .<AuditRecord>store(HistoryIndex.CLUSTER_HISTORY)
            .range(HistoryKeys.first(clusterId), HistoryKeys.last(clusterId))) {
      range.forEachRemaining(entry -> records.add(entry.value));
    }
    return records;
  }

  /** How many events the cluster has: its last position + 1; 0 for no such cluster. */
  public long length(String clusterId) {
    try (var newestFirst =
        views
            .<AuditRecord>store(HistoryIndex.CLUSTER_HISTORY)
            .reverseRange(HistoryKeys.first(clusterId), HistoryKeys.last(clusterId))) {
      return newestFirst.hasNext() ? newestFirst.next().value.envelope().sequence() + 1 : 0;
    }
  }

  /** The cluster's events at positions {@code from} to {@code from + count - 1}, as far as held. */
  public List<HistoryEntry> slice(String clusterId, long from, int count) {
    var entries = new ArrayList<HistoryEntry>(count);
    try (var range =
        views
            .<AuditRecord>store(HistoryIndex.CLUSTER_HISTORY)
            .range(
                HistoryKeys.ofStream(clusterId, from),
                HistoryKeys.ofStream(clusterId, from + count - 1))) {
      range.forEachRemaining(entry -> entries.add(HistoryEntries.of(entry.value)));
    }
    return entries;
  }

  public List<HistoryEntry> cluster(String clusterId, HistoryFilter filter) {
    return records(clusterId).stream().map(HistoryEntries::of).filter(filter::matches).toList();
  }

  /**
   * The first {@code limit} local events the filter lets through after the {@code after} cursor
   * (null: from the start), cluster and campaign events alike, in time-index order. The index's
   * partitions are merged as they are read, so a page costs what it holds, not the whole history.
   */
  public List<HistoryEntry> fleet(HistoryFilter filter, String after, int limit) {
    var from = HistoryKeys.time(filter.from() == null ? Instant.EPOCH : filter.from());
    if (after != null && after.compareTo(from) > 0) {
      from = after;
    }
    var to = HistoryKeys.time(filter.to() == null ? END_OF_TIME : filter.to());
    var matches = new ArrayList<HistoryEntry>();
    var ranges = new ArrayList<KeyValueIterator<String, HistoryTag>>();
    try {
      var next = new PriorityQueue<Indexed>(Comparator.comparing(indexed -> indexed.entry().key));
      for (var partition : views.<HistoryTag>partitionsOf(HistoryIndex.BY_TIME)) {
        var range = partition.range(from, to);
        ranges.add(range);
        Indexed.first(range).ifPresent(next::add);
      }
      while (!next.isEmpty() && matches.size() < limit) {
        var indexed = next.poll();
        var key = indexed.entry().key;
        var tag = indexed.entry().value;
        if (!key.equals(after) && filter.matchesTag(tag)) {
          var entry = read(HistoryKeys.parts(key), tag);
          if (entry != null && filter.matches(entry)) {
            matches.add(entry);
          }
        }
        Indexed.first(indexed.range()).ifPresent(next::add);
      }
    } finally {
      ranges.forEach(KeyValueIterator::close);
    }
    return matches;
  }

  /** One partition's next index entry, with the rest of its range. */
  private record Indexed(
      KeyValue<String, HistoryTag> entry, KeyValueIterator<String, HistoryTag> range) {

    static Optional<Indexed> first(KeyValueIterator<String, HistoryTag> range) {
      return range.hasNext() ? Optional.of(new Indexed(range.next(), range)) : Optional.empty();
    }
  }

  private HistoryEntry read(String[] kindIdPosition, HistoryTag tag) {
    var key = HistoryKeys.ofStream(kindIdPosition[1], Long.parseLong(kindIdPosition[2]));
    if (kindIdPosition[0].equals(HistoryKeys.CLUSTER)) {
      var record = views.<AuditRecord>store(HistoryIndex.CLUSTER_HISTORY).get(key);
      return record == null ? null : HistoryEntries.of(record);
    }
    var envelope = views.<CampaignEnvelope>store(HistoryIndex.CAMPAIGN_HISTORY).get(key);
    return envelope == null ? null : HistoryEntries.of(envelope, tag.owner());
  }
}
