package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.contract.ContractReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * {@code ./bench views [commands=2000] [clients=8] [clusters=100]}: that many inventory updates,
 * sent by concurrent clients over that many clusters to the command service of a whole embedded
 * stack, each followed by a read of the cluster's view at the position the command returned. Prints
 * p50/p99 from sending the command to a view showing it, and from the command's answer to the view;
 * and each service's resident memory through the run ({@link ResidentMemory}).
 */
public final class ViewLatencyBenchmark {

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int clusters = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    try (var stack = Stack.start(TestStacks.on(Files.createTempDirectory("ut-bench-views-")));
        var memory =
            new ResidentMemory(stack, List.of("command-service", "query-service", "executor"))) {
      var token = stack.tokenOf("alpha");
      stack.assignHosts(
          new Fleet(IntStream.range(0, clusters).mapToObj(c -> cluster(c, 0)).toList()));
      for (int c = 0; c < clusters; c++) {
        var answer =
            Http.postJson(stack.commandUrl() + "/api/clusters", token, json(cluster(c, 0)));
        require(answer.statusCode() == 201, answer.body());
      }
      var total = new ConcurrentLinkedQueue<Long>();
      var afterAnswer = new ConcurrentLinkedQueue<Long>();
      var next = new AtomicInteger();
      var failures = new AtomicInteger();
      var loadStarted = Instant.now();
      long started = System.nanoTime();
      try (var pool = Executors.newFixedThreadPool(clients)) {
        for (int t = 0; t < clients; t++) {
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < commands; n = next.getAndIncrement()) {
                  try {
                    int c = n % clusters;
                    long sent = System.nanoTime();
                    var answer =
                        Http.putJson(
                            stack.commandUrl() + "/api/clusters/bench-" + c,
                            token,
                            json(cluster(c, n)));
                    long answered = System.nanoTime();
                    if (answer.statusCode() != 200) {
                      failures.incrementAndGet();
                      continue;
                    }
                    long position = Json.MAPPER.readTree(answer.body()).get("position").asLong();
                    var view =
                        Http.get(
                            stack.queryUrl() + "/api/clusters/bench-" + c + "?position=" + position,
                            token);
                    long seen = System.nanoTime();
                    if (view.statusCode() != 200) {
                      failures.incrementAndGet();
                      continue;
                    }
                    total.add((seen - sent) / 1_000);
                    afterAnswer.add((seen - answered) / 1_000);
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  }
                }
                return null;
              });
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      var sortedTotal = sorted(total);
      var sortedAfter = sorted(afterAnswer);
      System.out.printf(
          "%nview latency benchmark: %d inventory updates by %d clients over %d clusters, %d failed"
              + "%n  throughput: %.0f commands/s (each then read back) over %.1f s"
              + "%n  command sent -> view shows it: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
              + "%n  command answered -> view shows it: p50 %.1f ms, p99 %.1f ms%n",
          commands,
          clients,
          clusters,
          failures.get(),
          sortedTotal.size() / seconds,
          seconds,
          Percentiles.of(sortedTotal, 50) / 1000.0,
          Percentiles.of(sortedTotal, 99) / 1000.0,
          sortedTotal.isEmpty() ? 0 : sortedTotal.getLast() / 1000.0,
          Percentiles.of(sortedAfter, 50) / 1000.0,
          Percentiles.of(sortedAfter, 99) / 1000.0);
      var published = publishDelays(stack.kafkaBootstrap(), stack.topics().events(), loadStarted);
      System.out.printf(
          "  of which event stamped (in the command, before its commit) -> on Kafka: p50 %d ms,"
              + " p99 %d ms (%d events of the updates)%n",
          Percentiles.of(published, 50), Percentiles.of(published, 99), published.size());
      System.out.print(memory.report());
    }
  }

  /**
   * For each event of the updates (not the registrations before them, published in a burst): from
   * its timestamp, set when the command applied it, to its Kafka timestamp. So it holds the rest of
   * the command (hash chain, insert, commit) as well as the publisher.
   */
  private static List<Long> publishDelays(String bootstrapServers, String topic, Instant since) {
    var delays = new ArrayList<Long>();
    for (var read :
        ContractReader.readAll(
            KafkaConnection.plain(bootstrapServers), topic, JsonSerde.envelopes())) {
      if (!read.value().timestamp().isBefore(since)) {
        delays.add(read.timestamp() - read.value().timestamp().toEpochMilli());
      }
    }
    Collections.sort(delays);
    return delays;
  }

  /** Cluster c with a guest list that changes with every update n. */
  private static ClusterSpec cluster(int c, int n) {
    return Fleets.cluster("bench-" + c)
        .localNames()
        .guestNames("g-" + n)
        .fleetUniqueHosts()
        .guestsPerHost(1, 1)
        .build();
  }

  private static String json(ClusterSpec cluster) {
    return Json.MAPPER.writeValueAsString(cluster);
  }

  private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
    var list = new ArrayList<>(values);
    Collections.sort(list);
    return list;
  }

  private static void require(boolean condition, String why) {
    if (!condition) {
      throw new IllegalStateException(why);
    }
  }
}
