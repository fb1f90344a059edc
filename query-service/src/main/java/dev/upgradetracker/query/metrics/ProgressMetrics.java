package dev.upgradetracker.query.metrics;

import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.streams.ViewsRunner;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.web.ViewsNotReady;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.common.MetricName;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fleet progress for Prometheus, per team, from the team summaries this instance holds (each team
 * lives on one instance, so sums across instances are right), and the views' lag behind the event
 * topics.
 */
@Component
class ProgressMetrics {

  private final ViewsRunner views;
  private final MultiGauge hosts;
  private final MultiGauge clusters;
  private final MultiGauge kits;
  private final MultiGauge actionsRunning;
  private final TeamCounters failures;

  ProgressMetrics(ViewsRunner views, MeterRegistry registry) {
    this.views = views;
    hosts =
        multiGauge(registry, "upgrade.hosts", "VM hosts by team and Integrity VM major version");
    clusters = multiGauge(registry, "upgrade.clusters", "clusters by team and phase");
    kits =
        multiGauge(
            registry, "upgrade.guest.kits.installed", "guests with the 4.0 guest kit, by team");
    actionsRunning =
        multiGauge(
            registry,
            "upgrade.actions.running",
            "host actions requested and not yet reported, by team");
    failures =
        new TeamCounters(
            registry, "upgrade.action.failures", "host actions that failed so far, by team");
    Gauge.builder("upgrade.views.tasks.active", this, ProgressMetrics::activeTasks)
        .description("the view tasks (event-topic partitions) this instance folds now")
        .baseUnit("tasks")
        .register(registry);
    Gauge.builder("upgrade.views.lag", this, ProgressMetrics::lag)
        .description("events not yet folded into the views (sum of the consumers' record lag)")
        .baseUnit("events")
        .register(registry);
  }

  private static MultiGauge multiGauge(MeterRegistry registry, String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  @Scheduled(fixedRate = 5_000)
  void refresh() {
    List<TeamSummary> teams = new ArrayList<>();
    try (var iterator = views.<TeamSummary>store(TeamSummary.STORE).all()) {
      iterator.forEachRemaining(entry -> teams.add(entry.value));
    } catch (ViewsNotReady notYet) {
      return;
    }
    var hostRows = new ArrayList<MultiGauge.Row<?>>();
    var clusterRows = new ArrayList<MultiGauge.Row<?>>();
    for (var team : teams) {
      hostRows.add(MultiGauge.Row.of(Tags.of("team", team.team(), "ivm", "4"), team.hostsOnIvm4()));
      hostRows.add(MultiGauge.Row.of(Tags.of("team", team.team(), "ivm", "3"), team.hostsOnIvm3()));
      for (var phase : ClusterPhase.values()) {
        clusterRows.add(
            MultiGauge.Row.of(
                Tags.of("team", team.team(), "phase", phase.name()),
                team.clustersByPhase().getOrDefault(phase, 0)));
      }
    }
    hosts.register(hostRows, true);
    clusters.register(clusterRows, true);
    kits.register(perTeam(teams, TeamSummary::guestKits4Installed), true);
    actionsRunning.register(perTeam(teams, TeamSummary::actionsRunning), true);
    failures.update(
        teams.stream()
            .collect(Collectors.toMap(TeamSummary::team, team -> (long) team.failures())));
  }

  private static List<MultiGauge.Row<?>> perTeam(
      List<TeamSummary> teams, ToIntFunction<TeamSummary> value) {
    return teams.stream()
        .<MultiGauge.Row<?>>map(
            team -> MultiGauge.Row.of(Tags.of("team", team.team()), value.applyAsInt(team)))
        .toList();
  }

  private double activeTasks() {
    return views
        .streams()
        .map(
            streams ->
                streams.metadataForLocalThreads().stream()
                    .mapToInt(thread -> thread.activeTasks().size())
                    .sum())
        .orElse(0);
  }

  private double lag() {
    return views
        .streams()
        .map(
            streams ->
                streams.metrics().entrySet().stream()
                    .filter(entry -> isRecordsLag(entry.getKey()))
                    .mapToDouble(entry -> number(entry.getValue().metricValue()))
                    .sum())
        .orElse(Double.NaN);
  }

  private static boolean isRecordsLag(MetricName name) {
    return name.name().equals("records-lag")
        && name.group().equals("consumer-fetch-manager-metrics")
        && name.tags().containsKey("partition");
  }

  private static double number(Object value) {
    return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
  }
}
