package dev.upgradetracker.command.axon;

import dev.upgradetracker.command.refusal.InvalidInput;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: an answer's {@code ETag} is the cluster's or campaign's version
 * (the position of its last event); a command's {@code If-Match} becomes the version the aggregate
 * must be at when it takes the command, so a command decided on a stale read is refused (412).
 */
public final class ExpectedVersion {

  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private ExpectedVersion() {}

  /** The version an {@code If-Match} header names; none for no header or {@code *}. */
  static Optional<Long> of(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return Optional.empty();
    }
    var matcher = ETAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw new InvalidInput(
          "If-Match",
          "must be an ETag this service answered, such as \"12\" (a version), not " + ifMatch);
    }
    return Optional.of(Long.parseLong(matcher.group(1)));
  }
}
