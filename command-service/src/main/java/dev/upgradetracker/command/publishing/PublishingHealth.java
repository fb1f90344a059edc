package dev.upgradetracker.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code publishing}: UP while every stored event reaches Kafka, DEGRADED (HTTP
 * 200: the service still serves) while aggregates are parked, naming each with its refused event
 * for those allowed to see details. The gauge {@code upgrade_publisher_parked_aggregates} counts
 * them for alerts.
 */
@Component("publishing")
class PublishingHealth implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "events of some aggregates are parked");

  private final ParkedAggregates parked;

  PublishingHealth(ParkedAggregates parked, MeterRegistry meters) {
    this.parked = parked;
    Gauge.builder("upgrade.publisher.parked.aggregates", parked, ParkedAggregates::count)
        .description("aggregates whose events Kafka refused for good, held back until retried")
        .register(meters);
  }

  @Override
  public Health health() {
    // health is asked often: one count while nothing is parked, the listing only when something is
    long count = parked.count();
    if (count == 0) {
      return Health.up().build();
    }
    return Health.status(DEGRADED)
        .withDetail("parkedAggregates", count)
        .withDetail("parked", parked.list())
        .build();
  }
}
