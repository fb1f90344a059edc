package dev.upgradetracker.launcher;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.signing.SigningKeys;
import dev.upgradetracker.simulator.faults.Fault;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./bench executor [actions] [command-delay-ms]}: that many move actions at once, one per
 * simulated host, through the real broker to the executor process (512 MiB heap, concurrency =
 * actions). Prints actions/s, p50/p99 latency from request to result, the executor's peak heap, and
 * PASS or FAIL for what the actions did: every request answered once and none failed, no command
 * with an effect run twice for one action (the simulator's log), every guest where its last move
 * put it (the simulator's fleet).
 */
public final class ExecutorBenchmark {

  /** MINA SSHD names its I/O threads so; the simulated commands themselves only sleep. */
  private static final String SIMULATOR_THREADS = "sshd-";

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  /** What one round of actions took, and whose CPU it took. */
  private record Round(
      int actions,
      int completed,
      int failed,
      int twice,
      double seconds,
      List<Long> sortedLatencies,
      long executorCpuNanos,
      long simulatorCpuNanos,
      long benchmarkJvmCpuNanos,
      long otherServicesCpuNanos) {

    String report(String title) {
      return String.format(
          "  %s: %d of %d completed, %d failed, %.1f actions/s over %.2f s%n"
              + "    latency request->result: p50 %d ms, p99 %d ms, max %d ms%n"
              + "    CPU per action: executor %.1f ms; the benchmark's JVM %.1f ms (the simulator's"
              + " SSH server %.1f ms of it, the rest mostly the broker); the"
              + " command and query services %.1f ms",
          title,
          completed,
          actions,
          failed,
          completed / seconds,
          seconds,
          Percentiles.of(sortedLatencies, 50),
          Percentiles.of(sortedLatencies, 99),
          sortedLatencies.isEmpty() ? 0 : sortedLatencies.getLast(),
          perAction(executorCpuNanos),
          perAction(benchmarkJvmCpuNanos),
          perAction(simulatorCpuNanos),
          perAction(otherServicesCpuNanos));
    }

    private double perAction(long nanos) {
      return nanos / 1e6 / Math.max(1, completed);
    }

    double perSecond() {
      return completed / seconds;
    }

    /** Every request answered once, none failed. */
    String problems(String title) {
      return completed == actions && failed == 0 && twice == 0
          ? ""
          : String.format(
              "%s: %d of %d answered, %d failed, %d answered twice; ",
              title, completed, actions, failed, twice);
    }
  }

  private static void measure(String[] args) throws Exception {
    int actions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 200;
    var dataDir = Files.createTempDirectory("ut-bench-executor-");
    var clusters = new ArrayList<ClusterSpec>();
    for (int i = 0; i < actions / 2 + actions % 2; i++) {
      clusters.add(Fleets.cluster("bench-" + i).guestsPerHost(1, 1).build());
    }
    var settings = TestStacks.on(dataDir, clusters.toArray(ClusterSpec[]::new));
    System.out.printf(
        "starting broker, %d simulated hosts and the services...%n", clusters.size() * 2);
    try (var stack = Stack.start(settings)) {
      stack.simulator().faults().add(Fault.slow("*", "^cmrunpkg", Duration.ofMillis(delayMillis)));
      var peakHeap = new AtomicLong(stack.heapUsedBytes("executor"));
      var sampler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      try {
                        peakHeap.accumulateAndGet(stack.heapUsedBytes("executor"), Math::max);
                        Thread.sleep(500);
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        // a missed sample is no failure of the benchmark
                      }
                    }
                  });
      System.out.printf(
          "%nexecutor benchmark: %d actions a round (one per host, each with a %d ms cmrunpkg)%n",
          actions, delayMillis);
      // the first round connects to every host; the second finds each host's session open, as
      // every action after a host's first does in a campaign
      var first = round(stack, requests(stack, clusters, actions, 0));
      System.out.println(first.report("first contact (a handshake per host)"));
      var problems = new StringBuilder(first.problems("first contact"));
      var warmRates = new ArrayList<Double>();
      List<HostActionRequested> last = List.of();
      for (int round = 1; round <= 2; round++) {
        last = requests(stack, clusters, actions, round);
        var warm = round(stack, last);
        var title = "sessions open (each host's action " + (round + 1) + ")";
        System.out.println(warm.report(title));
        problems.append(warm.problems(title));
        warmRates.add(warm.perSecond());
      }
      sampler.interrupt();
      problems.append(effectsTwice(stack)).append(guestsNotWhereMoved(stack, last));
      System.out.printf(
          "  executor peak heap used: %d MiB (limit -Xmx%s)%n"
              + "  correctness (every request answered once and none failed, no command with an"
              + " effect run twice for an action, every guest where its last move put it): %s%n"
              + "  target >= 100 actions/s with sessions open: %s%n",
          peakHeap.get() / (1024 * 1024),
          ServiceProcess.heap("executor"),
          problems.isEmpty() ? "PASS" : "FAIL: " + problems,
          warmRates.stream().allMatch(rate -> rate >= 100) ? "MET" : "NOT MET");
    }
  }

  /** The simulator's log: a command with an effect runs at most once for an action. */
  private static String effectsTwice(Stack stack) {
    var runs =
        stack.simulator().fleet().commandLog().stream()
            .filter(entry -> entry.actionId().startsWith("bench-"))
            .filter(entry -> HostEffects.isEffect(entry.commandLine()))
            .collect(
                Collectors.groupingBy(
                    entry -> entry.actionId() + ": " + entry.commandLine(), Collectors.counting()));
    var twice = runs.entrySet().stream().filter(run -> run.getValue() > 1).toList();
    System.out.printf(
        "  the simulator logged %,d commands with an effect for the benchmark's actions%n",
        runs.values().stream().mapToLong(Long::longValue).sum());
    if (runs.isEmpty()) {
      return "no command with an effect logged for the benchmark's actions; ";
    }
    return twice.isEmpty() ? "" : "run more than once: " + twice + "; ";
  }

  /** The simulator's fleet: each guest on the host the round's request moved it to. */
  private static String guestsNotWhereMoved(Stack stack, List<HostActionRequested> round) {
    var fleet = stack.simulator().fleet();
    var misplaced =
        round.stream()
            .map(request -> (HostAction.MoveGuest) request.action())
            .filter(
                move ->
                    !fleet
                        .guest(move.guest())
                        .map(guest -> guest.node().equals(move.toHost()))
                        .orElse(false))
            .map(HostAction.MoveGuest::guest)
            .toList();
    return misplaced.isEmpty()
        ? ""
        : misplaced.size()
            + " guests not where moved, e.g. "
            + misplaced.stream().limit(10).toList()
            + "; ";
  }

  /** Each host's guest moved to its peer in even rounds, back in odd ones. */
  private static List<HostActionRequested> requests(
      Stack stack, List<ClusterSpec> clusters, int actions, int round) {
    var requests = new ArrayList<HostActionRequested>();
    for (int i = 0; requests.size() < actions; i++) {
      var cluster = clusters.get(i % clusters.size());
      int side = i / clusters.size();
      var guest = cluster.guests().get(side).name();
      var home = cluster.hosts().get(side).name();
      var peer = cluster.hosts().get(1 - side).name();
      var from = round % 2 == 0 ? home : peer;
      var to = round % 2 == 0 ? peer : home;
      requests.add(
          new HostActionRequested(
              cluster.id(),
              "bench-" + UUID.randomUUID(),
              from,
              stack.simulator().addressOf(from),
              new HostAction.MoveGuest(guest, from, to)));
    }
    return requests;
  }

  private static Round round(Stack stack, List<HostActionRequested> requests) throws Exception {
    Map<String, Long> sentAt = new HashMap<>();
    var signer = SigningKeys.current(stack.signingKeysDir());
    long executorCpu = CpuTime.ofProcessNanos(stack.pidOf("executor"));
    long simulatorCpu = CpuTime.ofThreadsNamedNanos(SIMULATOR_THREADS);
    long benchmarkCpu = CpuTime.ofProcessNanos(ProcessHandle.current().pid());
    long otherServicesCpu = otherServicesCpuNanos(stack);
    var latencies = new ArrayList<Long>();
    var answered = new HashSet<String>();
    int failed = 0;
    int twice = 0;
    long started;
    long lastResult;
    try (var consumer =
        KafkaClients.consumer(
            stack.kafka(), "bench-" + UUID.randomUUID(), JsonSerde.actionResults())) {
      // joined before the first request goes out: the round's time holds no group join
      consumer.subscribe(List.of(stack.topics().actionResults()));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);
      // signed before the clock starts: the command service signs a request, not the executor
      var records = new ArrayList<ProducerRecord<String, EventEnvelope>>();
      for (var request : requests) {
        records.add(RequestRecords.signed(stack, request, signer));
      }
      try (var producer = KafkaClients.producer(stack.kafka(), "bench", JsonSerde.envelopes())) {
        System.out.printf("  sending %d action requests at once%n", requests.size());
        started = System.nanoTime();
        lastResult = started;
        for (var record : records) {
          sentAt.put(((HostActionRequested) record.value().event()).actionId(), System.nanoTime());
          producer.send(record);
        }
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (latencies.size() < requests.size() && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          var actionId = record.value().actionId();
          var sent = sentAt.remove(actionId);
          if (sent != null) {
            answered.add(actionId);
            lastResult = System.nanoTime();
            latencies.add((lastResult - sent) / 1_000_000);
            failed += record.value().outcome().status() == ActionStatus.FAILED ? 1 : 0;
          } else if (answered.contains(actionId)) {
            twice++;
          }
        }
      }
      long executorUsed = CpuTime.ofProcessNanos(stack.pidOf("executor")) - executorCpu;
      long simulatorUsed = CpuTime.ofThreadsNamedNanos(SIMULATOR_THREADS) - simulatorCpu;
      long benchmarkUsed = CpuTime.ofProcessNanos(ProcessHandle.current().pid()) - benchmarkCpu;
      long otherServicesUsed = otherServicesCpuNanos(stack) - otherServicesCpu;
      // a second result for an action comes late if at all: looked for after the measured part
      long lookUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < lookUntil) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          twice += answered.contains(record.value().actionId()) ? 1 : 0;
        }
      }
      // from the first request sent to the last result received
      double seconds = (lastResult - started) / 1e9;
      Collections.sort(latencies);
      return new Round(
          requests.size(),
          latencies.size(),
          failed,
          twice,
          seconds,
          latencies,
          executorUsed,
          simulatorUsed,
          benchmarkUsed,
          otherServicesUsed);
    }
  }

  private static long otherServicesCpuNanos(Stack stack) {
    return CpuTime.ofProcessNanos(stack.pidOf("command-service"))
        + CpuTime.ofProcessNanos(stack.pidOf("query-service"));
  }
}
