package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

  private static final long PID = ProcessHandle.current().pid();

  // written by the spinning thread so that its loop is not compiled away
  private static volatile long spun;

  @Test
  void countsWhatTheThreadsOfThatNameTookAndNoOthers() throws Exception {
    var before = CpuTime.ofProcessThreadsNanos(PID, "cpu-time-spin"::equals);
    var others = CpuTime.ofProcessThreadsNanos(PID, "cpu-time-idle"::equals);

    var spinning = spin("cpu-time-spin");
    var idle = Thread.ofPlatform().name("cpu-time-idle").start(() -> sleep(300));
    var during = CpuTime.ofProcessThreadsNanos(PID, "cpu-time-spin"::equals);
    var idleDuring = CpuTime.ofProcessThreadsNanos(PID, "cpu-time-idle"::equals);
    spinning.join();
    idle.join();

    assertThat(during).hasSize(1);
    assertThat(CpuTime.grownNanos(before, during)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(20));
    assertThat(others).isEmpty();
    assertThat(idleDuring).hasSize(1);
    assertThat(CpuTime.grownNanos(others, idleDuring))
        .isLessThan(TimeUnit.MILLISECONDS.toNanos(20));
  }

  @Test
  void aThreadThatEndedBetweenTwoReadingsCountsNothingAndTakesNothingAway() {
    assertThat(CpuTime.grownNanos(Map.of(1L, 500L, 2L, 700L), Map.of(2L, 900L, 3L, 100L)))
        .isEqualTo(200 + 100);
  }

  /** A thread that keeps a core busy for 300 ms, read once it has for 200. */
  private static Thread spin(String name) throws InterruptedException {
    var thread =
        Thread.ofPlatform()
            .name(name)
            .start(
                () -> {
                  long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                  while (System.nanoTime() < end) {
                    spun++;
                  }
                });
    Thread.sleep(200);
    return thread;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
