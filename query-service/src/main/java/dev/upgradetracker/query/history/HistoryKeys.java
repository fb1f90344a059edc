package dev.upgradetracker.query.history;

import java.time.Instant;

/**
 * Store keys that sort as the history reads: by stream then position ({@code c1#0000…0042}), and by
 * time then stream then position. Ids cannot hold {@code #} (the command side refuses it).
 */
final class HistoryKeys {

  static final String CLUSTER = "cluster";
  static final String CAMPAIGN = "campaign";

  private HistoryKeys() {}

  static String ofStream(String id, long position) {
    return id + "#" + "%019d".formatted(position);
  }

  static String first(String id) {
    return ofStream(id, 0);
  }

  static String last(String id) {
    return ofStream(id, Long.MAX_VALUE);
  }

  static String ofTime(Instant at, String kind, String id, long position) {
    return time(at) + "#" + kind + "#" + ofStream(id, position);
  }

  /** The smallest time key at or after {@code at}. */
  static String time(Instant at) {
    return "%015d".formatted(Math.max(0, at.toEpochMilli()));
  }

  /** The kind, id and position of a time key. */
  static String[] parts(String timeKey) {
    var parts = timeKey.split("#");
    return new String[] {parts[1], parts[2], parts[3]};
  }
}
