package dev.upgradetracker.command.eventstore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code count} operations from {@code clients} threads and reports rate and latencies. */
final class LoadRun {

  /** One operation, the {@code n}th; answers whether it was accepted. */
  @FunctionalInterface
  interface Operation {
    boolean run(int n) throws Exception;
  }

  /** What a run measured; latencies in microseconds, sorted. */
  record Result(int accepted, int failed, double seconds, List<Long> latencies) {

    double perSecond() {
      return accepted / seconds;
    }

    double millis(int percentile) {
      if (latencies.isEmpty()) {
        return 0;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1;
      return latencies.get(Math.min(latencies.size() - 1, Math.max(0, rank))) / 1000.0;
    }

    String line() {
      return String.format(
          "%,8.0f /s   p50 %7.1f ms   p99 %7.1f ms   (%d accepted, %d failed, %.1f s)",
          perSecond(), millis(50), millis(99), accepted, failed, seconds);
    }
  }

  private LoadRun() {}

  static Result of(int clients, int count, Operation operation) throws InterruptedException {
    var latencies = new ConcurrentLinkedQueue<Long>();
    var next = new AtomicInteger();
    var failed = new AtomicInteger();
    long started = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(clients)) {
      for (int t = 0; t < clients; t++) {
        pool.submit(
            () -> {
              for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                long sent = System.nanoTime();
                boolean accepted;
                try {
                  accepted = operation.run(n);
                } catch (Exception e) {
                  accepted = false;
                }
                if (accepted) {
                  latencies.add((System.nanoTime() - sent) / 1_000);
                } else {
                  failed.incrementAndGet();
                }
              }
              return null;
            });
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    var sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), failed.get(), seconds, List.copyOf(sorted));
  }
}
