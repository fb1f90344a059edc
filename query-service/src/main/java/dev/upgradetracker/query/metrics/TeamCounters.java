package dev.upgradetracker.query.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A count that only grows, per team, exported as a Prometheus counter (so that {@code rate()} and
 * {@code increase()} work), read from the views: each team's value is what its summary says. A team
 * whose views moved to another instance is no longer exported here; if it comes back, its counter
 * starts again, which Prometheus reads as a counter reset.
 */
final class TeamCounters {

  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final Map<String, Exported> byTeam = new HashMap<>();

  private record Exported(AtomicLong value, FunctionCounter counter) {}

  TeamCounters(MeterRegistry registry, String name, String description) {
    this.registry = registry;
    this.name = name;
    this.description = description;
  }

  synchronized void update(Map<String, Long> counts) {
    for (var exported = byTeam.entrySet().iterator(); exported.hasNext(); ) {
      var team = exported.next();
      if (!counts.containsKey(team.getKey())) {
        registry.remove(team.getValue().counter());
        exported.remove();
      }
    }
    counts.forEach((team, count) -> byTeam.computeIfAbsent(team, this::export).value().set(count));
  }

  private Exported export(String team) {
    var value = new AtomicLong();
    var counter =
        FunctionCounter.builder(name, value, AtomicLong::get)
            .description(description)
            .tag("team", team)
            .register(registry);
    return new Exported(value, counter);
  }
}
