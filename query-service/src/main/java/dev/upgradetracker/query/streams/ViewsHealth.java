package dev.upgradetracker.query.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once the views answer queries; DOWN, with the reason, once they stopped for good. */
@Component("views")
class ViewsHealth implements HealthIndicator {

  private final ViewsRunner views;

  ViewsHealth(ViewsRunner views) {
    this.views = views;
  }

  @Override
  public Health health() {
    var state = views.state();
    var health = state == KafkaStreams.State.RUNNING ? Health.up() : Health.down();
    health.withDetail("kafkaStreams", state.name());
    views.stopped().ifPresent(why -> health.withDetail("problem", why));
    return health.build();
  }
}
