package dev.upgradetracker.executor.requests;

import dev.upgradetracker.web.health.ProblemHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code requests} health: DOWN once this executor takes no more requests while it runs (a
 * second process of its name took them, or an error ended its loop), so that its supervisor and its
 * operators see it.
 */
@Component("requests")
class RequestsHealth implements HealthIndicator {

  private final ActionRequestConsumer consumer;

  RequestsHealth(ActionRequestConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public Health health() {
    return ProblemHealth.of(consumer.stopped());
  }
}
