package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.kafka.BenchmarkArgs;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.testinfra.TestDatabases;
import dev.upgradetracker.testinfra.TestKafka;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code ./bench commands [clusters=1000] [clients=32] [commands=10000] [--warmup=N]}: inventory
 * updates (one event each, no host action) accepted by a command service on PostgreSQL over that
 * many clusters, after N unmeasured (default 2,000, at most the commands measured), beside the bare
 * engines measured in the same run on the same server: a bare JDBC append of the same rows ({@link
 * BareJdbcAppend}) and a bare Axon command handler on the same kind of store ({@link
 * BareAxonCommands}). {@code ./bench commands --contended}: {@link ContendedCommands}.
 */
public final class CommandBenchmark {

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--contended")) {
      ContendedCommands.run(
          args.length > 1 ? Integer.parseInt(args[1]) : 8,
          args.length > 2 ? Integer.parseInt(args[2]) : 2_000);
      return;
    }
    var given = new BenchmarkArgs(args);
    int clusters = given.number(0, 1_000);
    int clients = given.number(1, 32);
    int commands = given.number(2, 10_000);
    int warmUp = given.option("--warmup", Math.min(commands, 2_000));
    var database = TestDatabases.create("ut_bench_commands");
    try {
      var measured = ours(database, clusters, clients, warmUp, commands);
      var ours = measured.commands();
      var jdbc = BareJdbcAppend.run(TestDatabases.url(database), clusters, clients, commands);
      var axon =
          BareAxonCommands.run(
              TestDatabases.url(database),
              clusters,
              clients,
              commands,
              Json.MAPPER.writeValueAsString(BenchCommandService.cluster(0)));
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
  }

  /**
   * @param refusedAtTheDoor the same clients sending requests that fail validation: what HTTP,
   *     security and JSON alone cost, with no command behind them
   */
  private record Ours(LoadRun.Result commands, LoadRun.Result refusedAtTheDoor) {}

  private static Ours ours(String database, int clusters, int clients, int warmUp, int commands)
      throws Exception {
    try (var service = BenchCommandService.start(database, TestKafka.namespace("bench"))) {
      var port = BenchCommandService.port(service);
      var fleet = BenchCommandService.register(port, clusters);
      var bodies = fleet.stream().map(Json.MAPPER::writeValueAsString).toList();
      LoadRun.Operation update =
          n -> {
            int c = n % clusters;
            return BenchCommandService.send(
                        "PUT", port, "/api/clusters/" + fleet.get(c).id(), bodies.get(c))
                    .statusCode()
                == 200;
          };
      var warmed = LoadRun.of(clients, warmUp, update);
      var measured = LoadRun.of(clients, commands, update);
      System.out.println(
          storedAsAnswered(database, clusters + warmed.accepted() + measured.accepted()));
      var refused =
          LoadRun.of(
              clients,
              commands,
              n ->
                  BenchCommandService.send(
                              "PUT", port, "/api/clusters/" + fleet.get(n % clusters).id(), "{}")
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

  static List<String> ids(int clusters, String prefix) {
    return IntStream.range(0, clusters).mapToObj(c -> prefix + c).toList();
  }
}
