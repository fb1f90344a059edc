package dev.upgradetracker.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkArgs;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.contract.ContractReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code ./bench views [commands=2000] [clients=8] [clusters=100] [--rate=R] [--warmup=N] [--live]
 * [--timeline=FILE]}: that many inventory updates over that many clusters to the command service of
 * a whole embedded stack, each followed by a read of the cluster's view at the position the command
 * returned; with {@code --live}, instead, watched until the cluster's live stream (Server-Sent
 * Events, one per cluster, opened before the load: how a dashboard follows a view) shows the view
 * at that position, so no read of the view is added to each command. Without a rate, {@code
 * clients} send one after another (closed loop); with {@code --rate}, a command starts every 1/R s
 * whatever the earlier ones take (open loop: the "at 200 commands/s sustained"). N commands
 * (default 2,000) run first, unmeasured: the services' JIT compilers take a core for the first
 * minute or two after a start. Prints p50/p99 from sending the command to a view showing it and
 * from the command's answer to the view, the CPU each process took per command ({@link CpuTime}),
 * each service's resident memory ({@link ResidentMemory}), and then the same load on the bare
 * engines beneath the views ({@link BareViewPath}) beside ours. With {@code --timeline}, each
 * measured command is also written to FILE as a CSV line (when it was sent, its cluster and
 * position, and how long it took to the answer and to the view), to line a tail up with what the
 * services were doing at that moment (their GC logs or JFR recordings).
 */
public final class ViewLatencyBenchmark {

  private static final List<String> SERVICES =
      List.of("command-service", "query-service", "executor");

  /** The JIT's compiler threads as the kernel names them. */
  private static final Predicate<String> JIT_THREADS =
      Pattern.compile("C[12] CompilerThre.*").asMatchPredicate();

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    var given = new BenchmarkArgs(args);
    int commands = given.number(0, 2_000);
    int clients = given.number(1, 8);
    int clusters = given.number(2, 100);
    int rate = given.option("--rate", 0);
    int warmup = given.option("--warmup", 2_000);
    boolean live = given.flag("--live");
    var timeline = given.text("--timeline");
    // one user sends every command here and follows every cluster live: its rate limit (50/s by
    // default) and its few live streams are not what is measured
    var settings =
        Map.of(
            "COMMANDS_PER_SECOND", "100000",
            "COMMAND_BURST", "100000",
            "LIVE_STREAMS_PER_CALLER", String.valueOf(clusters));
    try (var stack =
            Stack.start(TestStacks.on(Files.createTempDirectory("ut-bench-views-"), settings));
        var memory = new ResidentMemory(stack, SERVICES)) {
      var token = stack.tokenOf("alpha");
      stack.assignHosts(
          new Fleet(IntStream.range(0, clusters).mapToObj(c -> cluster(c, 0)).toList()));
      for (int c = 0; c < clusters; c++) {
        var answer =
            Http.postJson(stack.commandUrl() + "/api/clusters", token, json(cluster(c, 0)));
        require(answer.statusCode() == 201, answer.body());
      }
      var load = new Load(clients);
      try (var followed =
          LiveViews.follow(stack.queryUrl(), token, live ? clusterIds(clusters) : List.of())) {
        ViewWatch watch =
            live
                ? (clusterId, position, results) ->
                    followed.arrivalOf(clusterId, position, Duration.ofSeconds(10))
                : new ReadBack(stack, token);
        var ours = new ThroughTheServices(stack, token, clusters, watch);
        long warmupStarted = System.nanoTime();
        var warmed = load.run(0, warmup, 0, ours);
        System.out.printf(
            "%nwarm-up: %d commands in %.1f s, %d failed %s%n",
            warmup, (System.nanoTime() - warmupStarted) / 1e9, warmed.failed(), warmed.failures);
        var cpuBefore = cpuNanos(stack);
        var compilingBefore = compilingNanos(stack);
        var loadStarted = Instant.now();
        long started = System.nanoTime();
        var measured = load.run(warmup, warmup + commands, rate, ours);
        double seconds = (System.nanoTime() - started) / 1e9;
        var cpu = cpuNanos(stack);
        cpu.replaceAll((part, nanos) -> nanos - cpuBefore.get(part));
        var compiling = compilingNanos(stack);
        if (timeline != null) {
          Files.write(Path.of(timeline), measured.timeline());
        }
        var total = sorted(measured.total);
        long p50 = Percentiles.of(total, 50);
        long p99 = Percentiles.of(total, 99);
        var afterAnswer = sorted(measured.afterAnswer);
        System.out.printf(
            "%nview latency benchmark: %d inventory updates over %d clusters, %s, %d failed %s"
                + "%n  throughput: %.0f commands/s (each then %s) over %.1f s"
                + "%n  command sent -> view shows it: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                + "%n  command answered -> view shows it: p50 %.1f ms, p99 %.1f ms%n",
            commands,
            clusters,
            rate > 0 ? "started at " + rate + "/s (open loop)" : clients + " clients (closed loop)",
            measured.failed(),
            measured.failures,
            total.size() / seconds,
            live ? "seen on its cluster's live stream" : "read back at its position",
            seconds,
            p50 / 1000.0,
            p99 / 1000.0,
            total.isEmpty() ? 0 : total.getLast() / 1000.0,
            Percentiles.of(afterAnswer, 50) / 1000.0,
            Percentiles.of(afterAnswer, 99) / 1000.0);
        boolean floor =
            rate >= 200 && total.size() / seconds >= rate * 0.98 && p50 <= 50_000 && p99 <= 250_000;
        System.out.printf(
            "  correctness (every command accepted, and its view seen at its position): %s%n"
                + "  floor (p50 <= 50 ms, p99 <= 250 ms sent -> view, >= 200/s kept, open loop): %s%n",
            measured.failed() == 0 && total.size() == commands
                ? "PASS"
                : "FAIL (" + measured.failed() + " failed)",
            floor ? "MET" : "NOT MET");
        var published = publishDelays(stack.kafkaBootstrap(), stack.topics().events(), loadStarted);
        System.out.printf(
            "  of which event stamped (in the command, before its commit) -> on Kafka: p50 %d ms,"
                + " p99 %d ms (%d events of the updates)%n",
            Percentiles.of(published, 50), Percentiles.of(published, 99), published.size());
        System.out.print(cpuReport(cpu, total.size(), seconds));
        System.out.print(compilingReport(compilingBefore, compiling, total.size()));
        System.out.print(memory.report());
        System.out.print(bareEngines(stack, load, clusters, warmup, commands, rate, total));
      }
    }
  }

  /**
   * The same load on the engines beneath the views, bare ({@link BareViewPath}), after ours and on
   * the same broker: what Kafka and Kafka Streams alone take from a record sent to its fold.
   */
  private static String bareEngines(
      Stack stack, Load load, int clusters, int warmup, int commands, int rate, List<Long> ours)
      throws Exception {
    try (var bare =
        BareViewPath.start(
            stack.kafkaBootstrap(),
            stack.topics().events(),
            Files.createTempDirectory("ut-bench-bare-view-"))) {
      Sender sender =
          (n, results) -> {
            int c = n % clusters;
            results.total.add(
                bare.sendAndAwait(clusterId(c), n, json(cluster(c, n)).getBytes(UTF_8)));
          };
      load.run(0, Math.min(warmup, 2_000), 0, sender);
      long started = System.nanoTime();
      var measured = load.run(warmup, warmup + commands, rate, sender);
      double seconds = (System.nanoTime() - started) / 1e9;
      var total = sorted(measured.total);
      return String.format(
          "  bare engines, the same load after ours (a record sent by an idempotent producer ->"
              + " folded by Kafka Streams, exactly once, commit interval 100 ms): %.0f/s, %d"
              + " failed %s; p50 %.1f ms, p99 %.1f ms; ours (command sent -> view) p50 %.1fx,"
              + " p99 %.1fx the bare engines'%n",
          total.size() / seconds,
          measured.failed(),
          measured.failures,
          Percentiles.of(total, 50) / 1000.0,
          Percentiles.of(total, 99) / 1000.0,
          (double) Percentiles.of(ours, 50) / Math.max(1, Percentiles.of(total, 50)),
          (double) Percentiles.of(ours, 99) / Math.max(1, Percentiles.of(total, 99)));
    }
  }

  /** Sends command {@code n} and adds what it measured to the results. */
  private interface Sender {
    void send(int n, Results results) throws Exception;
  }

  /** The commands from {@code first} (inclusive) to {@code end}, closed or open loop. */
  private record Load(int clients) {

    /** Open loop at {@code rate} commands a second, or by the clients when it is 0. */
    Results run(int first, int end, int rate, Sender sender) throws InterruptedException {
      var results = new Results();
      if (rate > 0) {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
          for (int n = first; n < end; n++) {
            long due = start + (n - first) * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
            int command = n;
            pool.submit(() -> sendCounted(sender, command, results));
          }
        }
        return results;
      }
      var next = new AtomicInteger(first);
      try (var pool = Executors.newFixedThreadPool(clients)) {
        for (int t = 0; t < clients; t++) {
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < end; n = next.getAndIncrement()) {
                  sendCounted(sender, n, results);
                }
              });
        }
      }
      return results;
    }

    private static void sendCounted(Sender sender, int n, Results results) {
      try {
        sender.send(n, results);
      } catch (Exception e) {
        results.failed(e.getClass().getSimpleName());
      }
    }
  }

  /**
   * How a client sees a cluster's view reach a position: when it did ({@link System#nanoTime}), or
   * -1 having noted in {@code results} why it did not.
   */
  private interface ViewWatch {
    long seen(String clusterId, long position, Results results) throws Exception;
  }

  /** A read of the view at the position, which the query service answers once it is there. */
  private record ReadBack(Stack stack, String token) implements ViewWatch {

    @Override
    public long seen(String clusterId, long position, Results results) throws Exception {
      var view =
          Http.get(
              stack.queryUrl() + "/api/clusters/" + clusterId + "?position=" + position, token);
      if (view.statusCode() != 200) {
        results.failed("view " + view.statusCode());
        return -1;
      }
      return System.nanoTime();
    }
  }

  /** An inventory update to the command service, then its view watched to the answer's position. */
  private record ThroughTheServices(Stack stack, String token, int clusters, ViewWatch watch)
      implements Sender {

    @Override
    public void send(int n, Results results) throws Exception {
      int c = n % clusters;
      var clusterId = clusterId(c);
      long sentAt = System.currentTimeMillis();
      long sent = System.nanoTime();
      var answer =
          Http.putJson(
              stack.commandUrl() + "/api/clusters/" + clusterId, token, json(cluster(c, n)));
      long answered = System.nanoTime();
      if (answer.statusCode() != 200) {
        results.failed("command " + answer.statusCode());
        return;
      }
      long position = Json.MAPPER.readTree(answer.body()).get("position").asLong();
      long seen = watch.seen(clusterId, position, results);
      if (seen < 0) {
        return;
      }
      results.total.add((seen - sent) / 1_000);
      results.steps.add(
          new Step(sentAt, clusterId, position, (answered - sent) / 1_000, (seen - sent) / 1_000));
      // a live stream may show the view before the command's answer arrives
      results.afterAnswer.add(Math.max(0, seen - answered) / 1_000);
    }
  }

  /** One command through the services: sent at (epoch ms), answered and seen after (µs). */
  private record Step(long sentAt, String clusterId, long position, long answered, long seen) {}

  /** Latencies in microseconds, and failures by cause. */
  private static final class Results {
    final ConcurrentLinkedQueue<Long> total = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> afterAnswer = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
    final Map<String, Integer> failures = Collections.synchronizedMap(new TreeMap<>());

    void failed(String cause) {
      failures.merge(cause, 1, Integer::sum);
    }

    int failed() {
      synchronized (failures) {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
      }
    }

    /** The commands in the order they were sent, as CSV lines under a header. */
    List<String> timeline() {
      var lines = new ArrayList<String>();
      lines.add("sent_epoch_ms,cluster,position,answered_us,seen_us");
      steps.stream()
          .sorted(Comparator.comparingLong(Step::sentAt))
          .forEach(
              step ->
                  lines.add(
                      step.sentAt()
                          + ","
                          + step.clusterId()
                          + ","
                          + step.position()
                          + ","
                          + step.answered()
                          + ","
                          + step.seen()));
      return lines;
    }
  }

  private static Map<String, Long> cpuNanos(Stack stack) {
    var cpu = new TreeMap<String, Long>();
    SERVICES.forEach(service -> cpu.put(service, CpuTime.ofProcessNanos(stack.pidOf(service))));
    cpu.put("benchmark JVM", CpuTime.ofProcessNanos(ProcessHandle.current().pid()));
    return cpu;
  }

  /** Each service's JIT compiler threads, by thread. */
  private static Map<String, Map<Long, Long>> compilingNanos(Stack stack) {
    var compiling = new TreeMap<String, Map<Long, Long>>();
    SERVICES.forEach(
        service ->
            compiling.put(
                service, CpuTime.ofProcessThreadsNanos(stack.pidOf(service), JIT_THREADS)));
    return compiling;
  }

  /**
   * What the services' JIT compilers took of the measured part: a service only minutes old is still
   * compiling its hot code, which a long-running one is not.
   */
  private static String compilingReport(
      Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after, int commands) {
    var report = new StringBuilder("  of which the JIT compiling (its C1 and C2 threads):");
    after.forEach(
        (service, threads) ->
            report.append(
                String.format(
                    " %s %.2f ms,",
                    service, CpuTime.grownNanos(before.get(service), threads) / 1e6 / commands)));
    report.setLength(report.length() - 1);
    return report
        + String.format(
            " a command; much of it means a service still warming up (a longer --warmup)%n");
  }

  /** Where the machine's CPU went per command, and the rate that would fill both cores. */
  private static String cpuReport(Map<String, Long> cpu, int commands, double seconds) {
    var report = new StringBuilder("  CPU per command (the measured part):");
    cpu.forEach(
        (part, nanos) ->
            report.append(String.format(" %s %.1f ms,", part, nanos / 1e6 / commands)));
    long all = cpu.values().stream().mapToLong(Long::longValue).sum();
    int cores = Runtime.getRuntime().availableProcessors();
    report.append(
        String.format(
            " all %.1f ms (benchmark JVM = broker and clients); %.0f%% of %d cores busy -> ceiling"
                + " ~%.0f commands/s%n",
            all / 1e6 / commands,
            100.0 * all / 1e9 / seconds / cores,
            cores,
            cores * 1e9 / (all / (double) commands)));
    return report.toString();
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
    return Fleets.cluster(clusterId(c))
        .localNames()
        .guestNames("g-" + n)
        .fleetUniqueHosts()
        .guestsPerHost(1, 1)
        .build();
  }

  private static List<String> clusterIds(int clusters) {
    return IntStream.range(0, clusters).mapToObj(ViewLatencyBenchmark::clusterId).toList();
  }

  private static String clusterId(int c) {
    return "bench-" + c;
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
