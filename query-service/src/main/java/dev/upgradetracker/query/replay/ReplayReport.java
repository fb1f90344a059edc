package dev.upgradetracker.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * What a replay found: per store, how many views it rebuilt and compared with the live ones, how
 * many the live side had already moved past (events that came after the rebuild's end), and the
 * keys whose views differ — which must be none.
 */
public record ReplayReport(
    String replayId,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    List<StoreComparison> stores,
    String error) {

  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  public record StoreComparison(
      String store, int compared, int movedOn, List<String> differences) {}

  static ReplayReport running(String replayId, Instant at) {
    return new ReplayReport(replayId, Status.RUNNING, at, null, List.of(), null);
  }

  ReplayReport done(List<StoreComparison> comparisons, Instant at) {
    return new ReplayReport(replayId, Status.DONE, startedAt, at, comparisons, null);
  }

  ReplayReport failed(String why, Instant at) {
    return new ReplayReport(replayId, Status.FAILED, startedAt, at, List.of(), why);
  }
}
