package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.testinfra.TestDatabases;
import dev.upgradetracker.testinfra.TestKafka;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./bench commands --contended [writers=8] [commands=2000]}: that many writers update one
 * cluster (inventory updates without If-Match) through two command services, each in a process of
 * its own on one PostgreSQL database, taking turns between them: the two race at the event store,
 * and a command that lost the race is retried on the cluster as the winner left it. Beside it, in
 * the same run, the same writers through one of the two (no race between processes).
 */
final class ContendedCommands {

  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  private static final double FLOOR = 0.95;

  private ContendedCommands() {}

  static void run(int writers, int commands) throws Exception {
    var database = TestDatabases.create("ut_bench_contended");
    var namespace = TestKafka.namespace("contended");
    // one after the other: the first makes the schema
    try (var first = ChildCommandService.start(database, namespace).awaitHealthy(START_PATIENCE);
        var second = ChildCommandService.start(database, namespace).awaitHealthy(START_PATIENCE)) {
      var cluster = BenchCommandService.register(first.port(), 1).getFirst();
      var body = Json.MAPPER.writeValueAsString(cluster);
      var path = "/api/clusters/" + cluster.id();
      var alone =
          LoadRun.of(
              writers,
              commands,
              n -> BenchCommandService.send("PUT", first.port(), path, body).statusCode() == 200);
      Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
      var contended =
          LoadRun.of(
              writers,
              commands,
              n -> {
                var port = n % 2 == 0 ? first.port() : second.port();
                int status = BenchCommandService.send("PUT", port, path, body).statusCode();
                answers.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
                return status == 200;
              });
      var chain =
          Json.MAPPER.readTree(
              BenchCommandService.send("GET", first.port(), path + "/verification", "").body());
      double share = (double) contended.accepted() / commands;
      System.out.printf(
          "%ncontended commands: %,d inventory updates of one cluster by %d writers%n"
              + "  two command-service processes, taking turns: %s%n"
              + "    answers: %s%n"
              + "  one of them alone (bare: no race between processes): %s%n"
              + "  accepted through two processes: %.1f%% (floor %.0f%%): %s%n"
              + "  correctness: %s; hash chain intact: %s%n",
          commands,
          writers,
          contended.line(),
          new TreeMap<>(answers),
          alone.line(),
          100 * share,
          100 * FLOOR,
          share >= FLOOR ? "MET" : "NOT MET",
          storedAsAnswered(database, cluster.id(), 1 + alone.accepted() + contended.accepted()),
          chain.path("intact").asBoolean(false) ? "PASS" : "FAIL " + chain);
    } finally {
      TestDatabases.drop(database);
    }
  }

  /** PASS when the cluster holds one event per accepted command, its sequence without a gap. */
  private static String storedAsAnswered(String database, String clusterId, long accepted)
      throws SQLException {
    try (var connection = DriverManager.getConnection(TestDatabases.url(database), "postgres", "");
        var statement =
            connection.prepareStatement(
                "select count(*), coalesce(max(sequence_number), -1) + 1 from domain_event_entry"
                    + " where aggregate_identifier = ?")) {
      statement.setString(1, clusterId);
      try (var rows = statement.executeQuery()) {
        rows.next();
        long stored = rows.getLong(1);
        long positions = rows.getLong(2);
        return String.format(
            "%,d events stored for %,d accepted commands, %,d positions: %s",
            stored,
            accepted,
            positions,
            stored == accepted && positions == stored ? "PASS" : "FAIL");
      }
    }
  }
}
