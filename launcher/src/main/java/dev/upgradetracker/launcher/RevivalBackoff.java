package dev.upgradetracker.launcher;

import java.time.Duration;

/**
 * How long a dead service waits before it is started again: 1 s after it had served; doubling up to
 * 30 s while it keeps dying before it becomes healthy (a crash loop, which a fast restart would
 * only feed).
 */
final class RevivalBackoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofSeconds(30);

  private int deathsBeforeHealthy;

  /** The wait after a death; {@code hadBecomeHealthy}: the process that died had served. */
  Duration afterDeath(boolean hadBecomeHealthy) {
    deathsBeforeHealthy = hadBecomeHealthy ? 0 : deathsBeforeHealthy + 1;
    int doublings = Math.min(5, Math.max(0, deathsBeforeHealthy - 1));
    var wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
