package dev.upgradetracker.query.replay;

import dev.upgradetracker.query.replay.ReplayReport.StoreComparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares a store's rebuilt views with the live ones. A live view that is neither equal nor moved
 * on may only be behind (the live views fold under load, the rebuild does nothing else): it is read
 * again until it equals the rebuilt one, moves on, or the patience is spent; only then is it a
 * difference. A replay whose views agree waits for nothing.
 */
record LiveComparison(Duration patience, Duration between) {

  /** As a replay compares: up to a minute, shared by the store's views, read every 200 ms. */
  static final LiveComparison OF_A_REPLAY =
      new LiveComparison(Duration.ofMinutes(1), Duration.ofMillis(200));

  <V> StoreComparison compare(
      Map<String, V> rebuilt,
      String store,
      Function<String, Optional<V>> live,
      BiPredicate<V, V> movedOn)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    int moved = 0;
    var differences = new ArrayList<String>();
    for (var entry : rebuilt.entrySet()) {
      while (true) {
        var now = live.apply(entry.getKey());
        if (now.isPresent() && movedOn.test(entry.getValue(), now.get())) {
          moved++;
          break;
        }
        if (now.isPresent() && now.get().equals(entry.getValue())) {
          break;
        }
        if (System.nanoTime() > deadline) {
          differences.add(
              now.isEmpty() ? entry.getKey() + ": not in the live views" : entry.getKey());
          break;
        }
        Thread.sleep(between);
      }
    }
    return new StoreComparison(store, rebuilt.size(), moved, List.copyOf(differences));
  }
}
