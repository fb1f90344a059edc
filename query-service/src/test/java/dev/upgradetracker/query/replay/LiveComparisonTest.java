package dev.upgradetracker.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LiveComparisonTest {

  private static final LiveComparison BRIEF =
      new LiveComparison(Duration.ofMillis(300), Duration.ofMillis(10));

  /** A view as far as its cluster's events go: its position and what it shows. */
  private record View(long lastSequence, String shows) {}

  private static final Map<String, View> REBUILT = Map.of("c1", new View(7, "upgraded"));

  @Test
  void aLiveViewStillBehindTheRebuildIsReadAgainUntilItCatchesUp() throws Exception {
    var reads = new AtomicInteger();
    var live =
        liveReading(
            reads, new View(5, "upgrading"), new View(6, "upgrading"), new View(7, "upgraded"));

    var comparison = BRIEF.compare(REBUILT, "cluster-views", live, LiveComparisonTest::movedOn);

    assertThat(comparison.differences()).isEmpty();
    assertThat(reads).as("read until it had caught up").hasValue(3);
  }

  @Test
  void aLiveViewThatNeverBecomesTheRebuiltOneIsADifferenceOnceThePatienceIsSpent()
      throws Exception {
    var live = liveReading(new AtomicInteger(), new View(7, "half upgraded"));

    var comparison = BRIEF.compare(REBUILT, "cluster-views", live, LiveComparisonTest::movedOn);

    assertThat(comparison.differences()).containsExactly("c1");
  }

  @Test
  void aViewTheLiveSideHasNotYetIsADifferenceOnlyAfterThePatience() throws Exception {
    var reads = new AtomicInteger();
    Function<String, Optional<View>> live =
        key -> reads.incrementAndGet() < 3 ? Optional.empty() : Optional.of(REBUILT.get(key));

    var caughtUp = BRIEF.compare(REBUILT, "cluster-views", live, LiveComparisonTest::movedOn);
    var never =
        BRIEF.compare(
            REBUILT, "cluster-views", key -> Optional.empty(), LiveComparisonTest::movedOn);

    assertThat(caughtUp.differences()).isEmpty();
    assertThat(never.differences()).containsExactly("c1: not in the live views");
  }

  @Test
  void aLiveViewThatMovedOnIsCountedAsSuchAtOnce() throws Exception {
    var reads = new AtomicInteger();
    var live = liveReading(reads, new View(9, "upgraded, kits installed"));

    var comparison = BRIEF.compare(REBUILT, "cluster-views", live, LiveComparisonTest::movedOn);

    assertThat(comparison.movedOn()).isEqualTo(1);
    assertThat(comparison.differences()).isEmpty();
    assertThat(reads).hasValue(1);
  }

  @Test
  void equalViewsWaitForNothing() throws Exception {
    var comparison =
        new LiveComparison(Duration.ofHours(1), Duration.ofHours(1))
            .compare(
                REBUILT,
                "cluster-views",
                key -> Optional.of(REBUILT.get(key)),
                LiveComparisonTest::movedOn);

    assertThat(comparison.compared()).isEqualTo(1);
    assertThat(comparison.differences()).isEmpty();
  }

  private static boolean movedOn(View rebuilt, View now) {
    return now.lastSequence() > rebuilt.lastSequence();
  }

  /** The live side answers these views in turn, the last one from then on. */
  private static Function<String, Optional<View>> liveReading(
      AtomicInteger reads, View... answers) {
    var views = new ArrayDeque<>(Arrays.asList(answers));
    return key -> {
      reads.incrementAndGet();
      return Optional.of(views.size() > 1 ? views.poll() : views.peek());
    };
  }
}
