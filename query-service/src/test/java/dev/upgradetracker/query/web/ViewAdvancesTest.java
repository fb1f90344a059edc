package dev.upgradetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
  void oneAdvanceWakesEveryReaderOfTheView() throws Exception {
    var watches = IntStream.range(0, 8).mapToObj(n -> advances.watch("clusters", "c1")).toList();
    try {
      var woken =
          watches.stream().map(w -> CompletableFuture.runAsync(() -> await(w, LONG))).toList();
      Thread.sleep(100);

      advances.advanced("clusters", "c1");

      CompletableFuture.allOf(woken.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
    } finally {
      watches.forEach(ViewAdvances.Watch::close);
    }
  }

  @Test
  void anAdvanceRacingTheReadersWaitIsNeverMissed() throws Exception {
    for (int round = 0; round < 500; round++) {
      try (var watch = advances.watch("clusters", "c1")) {
        var advancer = CompletableFuture.runAsync(() -> advances.advanced("clusters", "c1"));
        long started = System.nanoTime();

        boolean advanced = watch.awaitAdvance(LONG);

        assertThat(advanced).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        advancer.get(2, TimeUnit.SECONDS);
      }
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
