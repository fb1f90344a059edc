package dev.upgradetracker.command.overdue.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OverdueTest {

  private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");
  private final Overdue rule = new Overdue(5, Duration.ofMinutes(2));

  /** 100 durations of 1..100 minutes: the 95th percentile is 95 minutes. */
  private static final List<Duration> MINUTES =
      IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMinutes).toList();

  @Test
  void aStepPastThreeTimesTheNinetyFifthPercentileIsOverdueAgainstIt() {
    var shuffled = new ArrayList<>(MINUTES);
    Collections.shuffle(shuffled);

    assertThat(rule.of(STARTED, STARTED.plus(Duration.ofMinutes(286)), shuffled))
        .contains(Duration.ofMinutes(95));
    assertThat(rule.of(STARTED, STARTED.plus(Duration.ofMinutes(285)), shuffled)).isEmpty();
  }

  @Test
  void noStepIsOverdueBeforeTheFloorHoweverQuickItsCommandUsuallyIs() {
    var quick = Collections.nCopies(10, Duration.ofSeconds(1));

    assertThat(rule.of(STARTED, STARTED.plusSeconds(119), quick)).isEmpty();
    assertThat(rule.of(STARTED, STARTED.plusSeconds(121), quick)).contains(Duration.ofSeconds(1));
  }

  @Test
  void aCommandWithTooFewDurationsHasNoUsualToBeOverdueAgainst() {
    var four = Collections.nCopies(4, Duration.ofSeconds(1));

    assertThat(rule.of(STARTED, STARTED.plus(Duration.ofDays(1)), four)).isEmpty();
    assertThat(rule.of(STARTED, STARTED.plus(Duration.ofDays(1)), List.of())).isEmpty();
    assertThat(rule.usual(four)).isEmpty();
  }

  @Test
  void aCommandsUsualDurationIsItsNinetyFifthPercentileOnceEnoughAreKnown() {
    assertThat(rule.usual(MINUTES)).contains(Duration.ofMinutes(95));
    assertThat(rule.usual(Collections.nCopies(5, Duration.ofSeconds(40))))
        .contains(Duration.ofSeconds(40));
  }
}
