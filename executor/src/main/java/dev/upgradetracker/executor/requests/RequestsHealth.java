package dev.upgradetracker.executor.requests;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code requests} health: DOWN once this executor takes no more requests while it runs (a
 * second process of its name took them), so that its supervisor and its operators see it.
 */
@Component("requests")
class RequestsHealth implements HealthIndicator {

  private final ActionRequestConsumer consumer;

  RequestsHealth(ActionRequestConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public Health health() {
    return consumer
        .stopped()
        .map(why -> Health.down().withDetail("problem", why).build())
        .orElseGet(() -> Health.up().build());
  }
}
