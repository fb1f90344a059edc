package dev.upgradetracker.executor.requests;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs tasks one at a time per host and many hosts at once, never more than {@code limit} tasks in
 * all, each on a virtual thread.
 */
final class HostLanes implements AutoCloseable {

  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore slots;

  HostLanes(int limit) {
    this.slots = new Semaphore(limit);
  }

  void submit(String host, Runnable task) {
    tails.compute(
        host,
        (key, tail) ->
            (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenRunAsync(() -> withSlot(task), threads)
                .exceptionally(e -> null));
  }

  private void withSlot(Runnable task) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      task.run();
    } finally {
      slots.release();
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
