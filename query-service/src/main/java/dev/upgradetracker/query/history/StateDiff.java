package dev.upgradetracker.query.history;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What changed in a cluster between two points of its history. */
public record StateDiff(String clusterId, Point from, Point to, List<Change> changes) {

  public record Point(Instant asOf, long position) {}

  /**
   * One changed value: {@code path} names it ({@code hosts[vmh1].ivmVersion}); a null side means it
   * did not exist there.
   */
  public record Change(String path, JsonNode before, JsonNode after) {}
}
