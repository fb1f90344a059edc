package dev.upgradetracker.query.history;

import dev.upgradetracker.query.web.BadQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Store keys that sort as the history reads: by stream then position ({@code c1#0000…0042}), and by
 * time then stream then position. Ids cannot hold {@code #} (the command side refuses it).
 */
final class HistoryKeys {

  static final String CLUSTER = "cluster";
  static final String CAMPAIGN = "campaign";

  private static final Base64.Encoder CURSORS = Base64.getUrlEncoder().withoutPadding();

  private static final Pattern TIME_KEY =
      Pattern.compile("\\d{15}#(cluster|campaign)#[A-Za-z0-9._-]+#\\d{19}");

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

  /** Where an entry stands in the time index. */
  static String timeKeyOf(HistoryEntry entry) {
    var id = entry.kind().equals(CLUSTER) ? entry.clusterId() : entry.campaignId();
    return ofTime(entry.at(), entry.kind(), id, entry.position());
  }

  /** The opaque, URL-safe cursor a following page starts after: the entry's time key. */
  static String cursorAfter(HistoryEntry entry) {
    return CURSORS.encodeToString(timeKeyOf(entry).getBytes(StandardCharsets.UTF_8));
  }

  /** The time key of a cursor a client sent back, checked: null for none. */
  static String timeKeyOfCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (TIME_KEY.matcher(key).matches()) {
        return key;
      }
    } catch (IllegalArgumentException notBase64) {
      // refused below
    }
    throw new BadQuery(
        "after must be the 'next' value of a previous page of this history, not '" + cursor + "'");
  }

  /** The kind, id and position of a time key. */
  static String[] parts(String timeKey) {
    var parts = timeKey.split("#");
    return new String[] {parts[1], parts[2], parts[3]};
  }
}
