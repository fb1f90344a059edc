package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.command.CommandServiceApplication;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.SharedTestBroker;
import dev.upgradetracker.messaging.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code ./bench commands [clusters=1000] [clients=32] [commands=10000]}: inventory updates (one
 * event each, no host action) accepted by a command service on PostgreSQL over that many clusters,
 * beside the bare engines measured in the same run on the same server: a bare JDBC append of the
 * same rows ({@link BareJdbcAppend}) and a bare Axon command handler on the same kind of store
 * ({@link BareAxonCommands}).
 */
public final class CommandBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int commands = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    var database = TestDatabases.create("ut_bench_commands");
    try {
      var measured = ours(database, clusters, clients, commands);
      var ours = measured.commands();
      var jdbc = BareJdbcAppend.run(TestDatabases.url(database), clusters, clients, commands);
      var axon =
          BareAxonCommands.run(
              TestDatabases.url(database),
              clusters,
              clients,
              commands,
              Json.MAPPER.writeValueAsString(cluster(0)));
      System.out.printf(
          "%ncommands benchmark: %,d commands by %d clients over %,d clusters, PostgreSQL%n"
              + "  ours (HTTP -> command service -> Axon -> PostgreSQL): %s%n"
              + "  bare Axon command handler, same store kind:             %s%n"
              + "  bare JDBC append of the same rows:                      %s%n"
              + "  the same HTTP stack refusing a request before any command (400): %s%n"
              + "  ours / bare Axon: %.0f%%; floor: ours >= bare Axon with p99 <= 50 ms at 32"
              + " clients: %s%n",
          commands,
          clients,
          clusters,
          ours.line(),
          axon.line(),
          jdbc.line(),
          measured.refusedAtTheDoor().line(),
          100 * ours.perSecond() / axon.perSecond(),
          ours.perSecond() >= axon.perSecond() && ours.millis(99) <= 50 ? "MET" : "NOT MET");
    } finally {
      TestDatabases.drop(database);
    }
    // the broker this JVM started outside a build keeps it alive otherwise
    System.exit(0);
  }

  /**
   * @param refusedAtTheDoor the same clients sending requests that fail validation: what HTTP,
   *     security and JSON alone cost, with no command behind them
   */
  private record Ours(LoadRun.Result commands, LoadRun.Result refusedAtTheDoor) {}

  private static Ours ours(String database, int clusters, int clients, int commands)
      throws Exception {
    try (var service =
        new SpringApplicationBuilder(CommandServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabases.url(database),
                "--spring.datasource.username=postgres",
                "--upgrade-tracker.kafka.bootstrap-servers=" + SharedTestBroker.bootstrapServers(),
                "--upgrade-tracker.kafka.namespace=" + SharedTestBroker.namespace("bench"),
                "--upgrade-tracker.rate.commands-per-second=1000000",
                "--upgrade-tracker.rate.burst=1000000",
                "--logging.level.root=WARN")) {
      var port = service.getEnvironment().getProperty("local.server.port");
      var fleet = IntStream.range(0, clusters).mapToObj(CommandBenchmark::cluster).toList();
      for (int from = 0; from < clusters; from += 50) {
        AdminAssigns.hostsOf(
            port, fleet.subList(from, Math.min(clusters, from + 50)).toArray(ClusterSpec[]::new));
      }
      var bodies = fleet.stream().map(Json.MAPPER::writeValueAsString).toList();
      for (var body : bodies) {
        var registered = send("POST", port, "/api/clusters", body);
        if (registered.statusCode() != 201) {
          throw new IllegalStateException("registration refused: " + registered.body());
        }
      }
      LoadRun.Operation update =
          n -> {
            int c = n % clusters;
            return send("PUT", port, "/api/clusters/" + fleet.get(c).id(), bodies.get(c))
                    .statusCode()
                == 200;
          };
      var warmUp = LoadRun.of(clients, Math.min(commands, 2_000), update);
      var measured = LoadRun.of(clients, commands, update);
      System.out.println(
          storedAsAnswered(database, clusters + warmUp.accepted() + measured.accepted()));
      var refused =
          LoadRun.of(
              clients,
              commands,
              n ->
                  send("PUT", port, "/api/clusters/" + fleet.get(n % clusters).id(), "{}")
                          .statusCode()
                      == 400);
      return new Ours(measured, refused);
    }
  }

  /**
   * PASS when the store holds exactly one event per accepted command (registrations included) and
   * every cluster's sequence numbers run without a gap.
   */
  private static String storedAsAnswered(String database, long accepted) throws SQLException {
    try (var connection = DriverManager.getConnection(TestDatabases.url(database), "postgres", "");
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select sum(events), count(*) filter (where gap <> 0) from (select count(*) as"
                    + " events, max(sequence_number) + 1 - count(*) as gap from domain_event_entry"
                    + " where aggregate_identifier like 'bench-%' group by aggregate_identifier)"
                    + " per_cluster")) {
      rows.next();
      long stored = rows.getLong(1);
      long gapped = rows.getLong(2);
      return String.format(
          "  correctness: %,d events stored for %,d accepted commands, %d clusters with a gap in"
              + " their sequence: %s",
          stored, accepted, gapped, stored == accepted && gapped == 0 ? "PASS" : "FAIL");
    }
  }

  private static ClusterSpec cluster(int c) {
    return Fleets.cluster("bench-" + c)
        .team("alpha")
        .fleetUniqueHosts()
        .guestsPerHost(2, 1, 1)
        .build();
  }

  private static HttpResponse<String> send(String method, String port, String path, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer alpha-token")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static List<String> ids(int clusters, String prefix) {
    return IntStream.range(0, clusters).mapToObj(c -> prefix + c).toList();
  }
}
