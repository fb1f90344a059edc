package dev.upgradetracker.query.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the readers waiting for a view to reach a position when the live views fold an event of its
 * key, so that a read of one's own write neither polls the store (every few milliseconds per
 * waiting reader: under an open-loop load the polls outgrew the folding and the views fell behind)
 * nor sleeps past the moment its view is there.
 */
public final class ViewAdvances {

  private final Map<String, Advances> watched = new ConcurrentHashMap<>();

  /** The views folded an event into {@code key}'s view in {@code store}. */
  public void advanced(String store, String key) {
    var advances = watched.get(store + '/' + key);
    if (advances != null) {
      advances.count();
    }
  }

  /** Watches {@code key}'s view from now on, until the watch is closed. */
  public Watch watch(String store, String key) {
    var name = store + '/' + key;
    var advances =
        watched.compute(
            name,
            (ignored, existing) -> {
              var shared = existing == null ? new Advances() : existing;
              shared.watchers++;
              return shared;
            });
    return new Watch(name, advances, advances.seen());
  }

  /** How many views readers watch now: none once every watch has closed. */
  int watchedViews() {
    return watched.size();
  }

  /** A reader's watch of one view: the advances it has not seen yet wake it. */
  public final class Watch implements AutoCloseable {
    private final String name;
    private final Advances advances;
    private long seen;

    private Watch(String name, Advances advances, long seen) {
      this.name = name;
      this.advances = advances;
      this.seen = seen;
    }

    /**
     * Returns at once if the view advanced since the last call (or since the watch began), else at
     * its next advance or after {@code maxNanos}, whichever comes first.
     *
     * @return whether the view advanced
     */
    public boolean awaitAdvance(long maxNanos) throws InterruptedException {
      long before = seen;
      seen = advances.awaitBeyond(seen, maxNanos);
      return seen != before;
    }

    @Override
    public void close() {
      watched.computeIfPresent(name, (ignored, shared) -> --shared.watchers == 0 ? null : shared);
    }
  }

  /**
   * A view's advances, counted without a lock: the views' thread counts each one for every event it
   * folds, and only wakes the readers parked on the view. A monitor here cost that thread a tenth
   * of its CPU (JFR, {@code ./bench views}) in contention with the readers it had just woken.
   */
  private static final class Advances {
    private int watchers; // changed only inside the map's compute for this key
    private final AtomicLong count = new AtomicLong();
    private final Set<Thread> parked = ConcurrentHashMap.newKeySet();

    void count() {
      count.incrementAndGet();
      parked.forEach(LockSupport::unpark);
    }

    long seen() {
      return count.get();
    }

    /**
     * A reader is in {@link #parked} before it compares the count, so an advance it does not see
     * has yet to wake the readers, itself among them.
     */
    long awaitBeyond(long seen, long maxNanos) throws InterruptedException {
      var reader = Thread.currentThread();
      parked.add(reader);
      try {
        long deadline = System.nanoTime() + maxNanos;
        for (long left = maxNanos; count.get() == seen && left > 0; ) {
          LockSupport.parkNanos(this, left);
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
          left = deadline - System.nanoTime();
        }
        return count.get();
      } finally {
        parked.remove(reader);
      }
    }
  }
}
