package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard in {@code deploy/} name only metrics the services
 * export: each name is looked up in the three services' own Prometheus scrapes.
 */
@ExtendWith(SharedStack.class)
class MonitoringRulesIT {

  private static final Path DEPLOY = LauncherSettings.repositoryRoot().resolve("deploy");
  private static final Pattern METRIC = Pattern.compile("\\b((?:upgrade|jvm|http|process)_\\w+)");
  // made by Prometheus itself for every scrape target, not exported by a service
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @Test
  void everyAlertRuleHasASeverityAndASummary() throws IOException {
    for (var rule : rules()) {
      assertThat(rule.keySet()).as("rule %s", rule.get("alert")).contains("alert", "expr");
      assertThat(keys(rule.get("labels"))).contains("severity");
      assertThat(keys(rule.get("annotations"))).contains("summary", "description");
    }
    assertThat(rules()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void theRulesAndTheDashboardNameOnlyMetricsTheServicesExport(SharedStack.Tenant tenant)
      throws Exception {
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("mon").team(team).guestsPerHost(1, 1).build());
    var stack = tenant.stack();
    // the team's series appear once its summary is sampled (every few seconds)
    var teamSeries = "upgrade_action_failures_total{team=\"" + team + "\"}";
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!scrape(stack.queryUrl()).contains(teamSeries) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    var exported = new TreeSet<String>();
    for (var service : List.of(stack.commandUrl(), stack.queryUrl(), stack.executorUrl())) {
      exported.addAll(sampleNames(scrape(service)));
    }

    var named = new TreeSet<String>();
    for (var expression : expressions()) {
      METRIC.matcher(expression).results().forEach(m -> named.add(m.group(1)));
    }

    assertThat(named)
        .as("metrics named in deploy/")
        .contains("upgrade_action_failures_total", "upgrade_views_lag_events");
    assertThat(exported).as("exported by the services").containsAll(named);
    assertThat(String.join("\n", expressions())).contains("up{");
    assertThat(PROMETHEUS_OWN).doesNotContainAnyElementsOf(exported);
  }

  private static Set<String> keys(Object map) {
    var keys = new TreeSet<String>();
    ((Map<?, ?>) map).keySet().forEach(key -> keys.add(String.valueOf(key)));
    return keys;
  }

  private static String scrape(String serviceUrl) throws Exception {
    var response = Http.get(serviceUrl + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN);
    assertThat(response.statusCode()).as(serviceUrl).isEqualTo(200);
    return response.body();
  }

  /** Each sample's metric name: {@code name{labels} value} or {@code name value}. */
  private static Set<String> sampleNames(String scrape) {
    var names = new TreeSet<String>();
    for (var line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static List<String> expressions() throws IOException {
    var expressions = new ArrayList<String>();
    rules().forEach(rule -> expressions.add((String) rule.get("expr")));
    var dashboard =
        JsonMapper.builder()
            .build()
            .readTree(DEPLOY.resolve("grafana").resolve("upgrade-tracker.json").toFile());
    for (var panel : dashboard.path("panels")) {
      assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
    }
    dashboard
        .path("templating")
        .path("list")
        .forEach(variable -> expressions.add(variable.path("query").asString()));
    return expressions;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules() throws IOException {
    var file =
        new Yaml(new LoaderOptions())
            .<Map<String, Object>>load(
                Files.readString(DEPLOY.resolve("prometheus").resolve("alerts.yml")));
    var rules = new ArrayList<Map<String, Object>>();
    for (var group : (List<Map<String, Object>>) file.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }
}
