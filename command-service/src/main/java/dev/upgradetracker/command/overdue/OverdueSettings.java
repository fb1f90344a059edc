package dev.upgradetracker.command.overdue;

import dev.upgradetracker.command.overdue.model.Overdue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a running step is called overdue (application.yml, {@code upgrade-tracker.overdue}).
 *
 * @param checkEvery how often running steps are looked at
 * @param minSamples durations of a command needed before any of its steps is judged
 * @param floor no step is overdue before it has run this long
 * @param samples the recent durations of each command its usual is taken from
 */
@ConfigurationProperties("upgrade-tracker.overdue")
record OverdueSettings(Duration checkEvery, int minSamples, Duration floor, int samples) {

  Overdue rule() {
    return new Overdue(minSamples, floor);
  }
}
