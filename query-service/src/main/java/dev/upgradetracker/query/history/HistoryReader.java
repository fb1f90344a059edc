package dev.upgradetracker.query.history;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.query.streams.LocalStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** Every local event the filter lets through, cluster and campaign events alike, unordered. */
  public List<HistoryEntry> fleet(HistoryFilter filter) {
    var from = HistoryKeys.time(filter.from() == null ? Instant.EPOCH : filter.from());
    var to = HistoryKeys.time(filter.to() == null ? END_OF_TIME : filter.to());
    var matches = new ArrayList<HistoryEntry>();
    try (var range = views.<HistoryTag>store(HistoryIndex.BY_TIME).range(from, to)) {
      range.forEachRemaining(
          indexed -> {
            if (filter.matchesTag(indexed.value)) {
              var entry = read(HistoryKeys.parts(indexed.key), indexed.value);
              if (entry != null && filter.matches(entry)) {
                matches.add(entry);
              }
            }
          });
    }
    return matches;
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
