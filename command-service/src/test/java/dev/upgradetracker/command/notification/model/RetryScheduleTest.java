package dev.upgradetracker.command.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant CREATED = Instant.parse("2026-12-03T10:00:00Z");
  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24));

  @Test
  void waitsTwiceAsLongAfterEachFailedAttemptUpToTheLongestWait() {
    var now = CREATED.plusSeconds(30);

    assertThat(schedule.next(1, CREATED, now)).contains(now.plusSeconds(2));
    assertThat(schedule.next(2, CREATED, now)).contains(now.plusSeconds(4));
    assertThat(schedule.next(5, CREATED, now)).contains(now.plusSeconds(32));
    assertThat(schedule.next(12, CREATED, now)).contains(now.plus(Duration.ofMinutes(10)));
    assertThat(schedule.next(500, CREATED, now)).contains(now.plus(Duration.ofMinutes(10)));
  }

  @Test
  void givesUpOnceTheNextAttemptWouldFallPastTheDeliverysLastHour() {
    var late = CREATED.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(5));

    assertThat(schedule.next(40, CREATED, late)).isEmpty();
    assertThat(schedule.next(1, CREATED, late)).contains(late.plusSeconds(2));
  }
}
