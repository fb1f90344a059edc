package dev.upgradetracker.command.actionresults;

import dev.upgradetracker.web.health.ProblemHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code actionResults} health: DOWN once this service records no more executor reports while
 * it runs (a second process of its name took them, or an error ended its loop), so that its
 * supervisor and its operators see it.
 */
@Component("actionResults")
class ActionResultsHealth implements HealthIndicator {

  private final ActionResultConsumer consumer;

  ActionResultsHealth(ActionResultConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public Health health() {
    return ProblemHealth.of(consumer.stopped());
  }
}
