package dev.upgradetracker.command.notification.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery that failed is tried again: after {@code first}, then twice as long each time up
 * to {@code longest}; never once it has been tried for {@code giveUpAfter}.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

  /** The next attempt after failed attempt number {@code attempts} (1 for the first), if any. */
  public Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
    var delay = first.multipliedBy(1L << Math.min(attempts - 1, 30));
    if (delay.compareTo(longest) > 0 || delay.isNegative()) {
      delay = longest;
    }
    var at = now.plus(delay);
    return at.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(at);
  }
}
