package dev.upgradetracker.launcher;

import java.util.List;

/** Nearest-rank percentiles of sorted samples, for the benchmarks' reports. */
final class Percentiles {

  private Percentiles() {}

  static long of(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
