package dev.upgradetracker.command.overdue.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a running step is overdue: it has run more than three times the 95th percentile of its
 * command's recent durations, and longer than a floor below which no step is called stuck; judged
 * only once the command has enough durations to say what usual is.
 */
public record Overdue(int minSamples, Duration floor) {

  /** The usual duration it is overdue against, if the step started at {@code startedAt} is. */
  public Optional<Duration> of(Instant startedAt, Instant now, List<Duration> recent) {
    return usual(recent)
        .filter(usual -> Duration.between(startedAt, now).compareTo(limit(usual)) > 0);
  }

  /** The command's usual duration (its 95th percentile), once there are enough to say. */
  public Optional<Duration> usual(List<Duration> recent) {
    return recent.size() < minSamples || recent.isEmpty()
        ? Optional.empty()
        : Optional.of(p95(recent));
  }

  private Duration limit(Duration usual) {
    var limit = usual.multipliedBy(3);
    return limit.compareTo(floor) < 0 ? floor : limit;
  }

  /** The nearest-rank 95th percentile. */
  static Duration p95(List<Duration> durations) {
    var sorted = durations.stream().sorted().toList();
    int rank = (int) Math.ceil(0.95 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
