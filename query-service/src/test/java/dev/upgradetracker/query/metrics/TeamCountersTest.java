package dev.upgradetracker.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures so far are a count that only grows: Prometheus must be told it is a counter. */
class TeamCountersTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TeamCounters failures =
      new TeamCounters(registry, "upgrade.action.failures", "host actions that failed so far");

  @Test
  void eachTeamsCountIsExportedAsACounterWithItsLatestValue() {
    failures.update(Map.of("alpha", 2L, "bravo", 0L));
    failures.update(Map.of("alpha", 5L, "bravo", 1L));

    var scrape = registry.scrape();

    assertThat(scrape)
        .contains("# TYPE upgrade_action_failures_total counter")
        .contains("upgrade_action_failures_total{team=\"alpha\"} 5.0")
        .contains("upgrade_action_failures_total{team=\"bravo\"} 1.0");
  }

  @Test
  void aTeamNoLongerHeldHereIsNoLongerExportedAndStartsAgainWhenItComesBack() {
    failures.update(Map.of("alpha", 2L, "bravo", 3L));

    failures.update(Map.of("alpha", 2L));
    assertThat(registry.scrape()).doesNotContain("team=\"bravo\"");

    failures.update(Map.of("alpha", 2L, "bravo", 4L));
    assertThat(registry.scrape()).contains("upgrade_action_failures_total{team=\"bravo\"} 4.0");
  }
}
