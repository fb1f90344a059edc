package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class RevivalBackoffTest {

  @Test
  void aServiceKilledEachTimeAfterItServedStartsAgainAfterOneSecondEveryTime() {
    var backoff = new RevivalBackoff();

    for (int death = 0; death < 5; death++) {
      assertThat(backoff.afterDeath(true)).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void aServiceThatKeepsDyingBeforeItIsHealthyWaitsTwiceAsLongEachTimeUpToThirtySeconds() {
    var backoff = new RevivalBackoff();
    var waits = new ArrayList<Long>();

    for (int death = 0; death < 8; death++) {
      waits.add(backoff.afterDeath(false).toSeconds());
    }

    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void aCrashLoopEndsOnceTheServiceHasBeenHealthy() {
    var backoff = new RevivalBackoff();
    backoff.afterDeath(false);
    backoff.afterDeath(false);
    assertThat(backoff.afterDeath(false)).isEqualTo(Duration.ofSeconds(4));

    assertThat(backoff.afterDeath(true)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.afterDeath(false)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.afterDeath(false)).isEqualTo(Duration.ofSeconds(2));
  }
}
