package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.command.CommandServiceApplication;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.testinfra.TestDatabases;
import dev.upgradetracker.testinfra.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command service as the benchmarks run it: on a PostgreSQL database of its own, on the shared
 * broker under a namespace of its own, without rate limits, its clusters ({@code bench-0}, {@code
 * bench-1}, ...) registered by team alpha.
 */
final class BenchCommandService {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BenchCommandService() {}

  static ConfigurableApplicationContext start(String database, String namespace) {
    var arguments = new ArrayList<>(arguments(database, namespace));
    arguments.add("--server.port=0");
    return new SpringApplicationBuilder(CommandServiceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** The settings of a benchmark's command service, but for its port. */
  static List<String> arguments(String database, String namespace) {
    return List.of(
        "--upgrade-tracker.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--spring.datasource.url=" + TestDatabases.url(database),
        "--spring.datasource.username=postgres",
        "--upgrade-tracker.kafka.namespace=" + namespace,
        "--upgrade-tracker.rate.commands-per-second=1000000",
        "--upgrade-tracker.rate.burst=1000000",
        "--logging.level.root=WARN");
  }

  static String port(ConfigurableApplicationContext service) {
    return service.getEnvironment().getProperty("local.server.port");
  }

  /**
   * Registers clusters {@code bench-0} to {@code bench-<count - 1>}, their hosts assigned first.
   */
  static List<ClusterSpec> register(String port, int count) throws Exception {
    var fleet = IntStream.range(0, count).mapToObj(BenchCommandService::cluster).toList();
    for (int from = 0; from < count; from += 50) {
      AdminAssigns.hostsOf(
          port, fleet.subList(from, Math.min(count, from + 50)).toArray(ClusterSpec[]::new));
    }
    var registrations =
        LoadRun.of(
            8,
            count,
            n ->
                send("POST", port, "/api/clusters", Json.MAPPER.writeValueAsString(fleet.get(n)))
                        .statusCode()
                    == 201);
    if (registrations.failed() > 0) {
      throw new IllegalStateException(registrations.failed() + " registrations refused");
    }
    return fleet;
  }

  /** Cluster {@code bench-<c>} of team alpha: three hosts, four guests. */
  static ClusterSpec cluster(int c) {
    return Fleets.cluster("bench-" + c)
        .team("alpha")
        .fleetUniqueHosts()
        .guestsPerHost(2, 1, 1)
        .build();
  }

  /** A request as team alpha. */
  static HttpResponse<String> send(String method, String port, String path, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer alpha-token")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
