package dev.upgradetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ViewAdvancesTest {

  private static final long LONG = Duration.ofSeconds(5).toNanos();
  private final ViewAdvances advances = new ViewAdvances();

  @Test
  void wakesAReaderWhenItsViewAdvances() throws Exception {
    try (var watch = advances.watch("clusters", "c1")) {
      var woken = CompletableFuture.runAsync(() -> await(watch, LONG));
      Thread.sleep(100);
      assertThat(woken).isNotDone();

      advances.advanced("clusters", "c1");

      woken.get(2, TimeUnit.SECONDS);
    }
  }

  @Test
  void anotherViewsAdvanceLeavesTheReaderWaiting() throws Exception {
    try (var watch = advances.watch("clusters", "c1")) {
      var woken = CompletableFuture.runAsync(() -> await(watch, LONG));

      advances.advanced("clusters", "c2");
      advances.advanced("campaigns", "c1");

      Thread.sleep(200);
      assertThat(woken).isNotDone();
      advances.advanced("clusters", "c1");
      woken.get(2, TimeUnit.SECONDS);
    }
  }

  @Test
  void anAdvanceBetweenTheWatchAndTheWaitIsNotMissed() throws Exception {
    try (var watch = advances.watch("clusters", "c1")) {
      advances.advanced("clusters", "c1");

      long started = System.nanoTime();
      watch.awaitAdvance(LONG);

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void withoutAnAdvanceTheWaitEndsAfterItsBound() throws Exception {
    try (var watch = advances.watch("clusters", "c1")) {
      long started = System.nanoTime();
      watch.awaitAdvance(Duration.ofMillis(100).toNanos());

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(90), Duration.ofSeconds(2));
    }
  }

  @Test
  void aViewNoLongerWatchedIsForgotten() {
    var first = advances.watch("clusters", "c1");
    var second = advances.watch("clusters", "c1");
    first.close();
    assertThat(advances.watchedViews()).isEqualTo(1);

    second.close();

    assertThat(advances.watchedViews()).isZero();
  }

  private static void await(ViewAdvances.Watch watch, long nanos) {
    try {
      watch.awaitAdvance(nanos);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
