package dev.upgradetracker.launcher;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./bench executor [actions] [command-delay-ms]}: that many move actions at once, one per
 * simulated host, through the real broker to the executor process (512 MiB heap, concurrency =
 * actions). Prints actions/s, p50/p99 latency from request to result, and the executor's peak heap.
 */
public final class ExecutorBenchmark {

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
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
      var requests = new ArrayList<HostActionRequested>();
      for (int i = 0; requests.size() < actions; i++) {
        var cluster = clusters.get(i % clusters.size());
        int side = i / clusters.size();
        var from = cluster.hosts().get(side).name();
        var to = cluster.hosts().get(1 - side).name();
        var guest = cluster.guests().get(side).name();
        requests.add(
            new HostActionRequested(
                cluster.id(),
                "bench-" + UUID.randomUUID(),
                from,
                stack.simulator().addressOf(from),
                new HostAction.MoveGuest(guest, from, to)));
      }
      var peakHeap = new AtomicLong(stack.heapUsedBytes("executor"));
      var sampler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      try {
                        peakHeap.accumulateAndGet(stack.heapUsedBytes("executor"), Math::max);
                        Thread.sleep(100);
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        // a missed sample is no failure of the benchmark
                      }
                    }
                  });
      Map<String, Long> sentAt = new HashMap<>();
      var signer = SigningKeys.current(stack.signingKeysDir());
      long started = System.nanoTime();
      try (var producer = KafkaClients.producer(stack.kafka(), "bench", JsonSerde.envelopes())) {
        for (var request : requests) {
          sentAt.put(request.actionId(), System.nanoTime());
          producer.send(RequestRecords.signed(stack, request, signer));
        }
      }
      var latencies = new ArrayList<Long>();
      int failed = 0;
      try (var consumer =
          KafkaClients.consumer(
              stack.kafka(), "bench-" + UUID.randomUUID(), JsonSerde.actionResults())) {
        consumer.subscribe(List.of(stack.topics().actionResults()));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (latencies.size() < actions && System.nanoTime() < deadline) {
          for (var record : consumer.poll(Duration.ofMillis(100))) {
            var sent = sentAt.remove(record.value().actionId());
            if (sent != null) {
              latencies.add((System.nanoTime() - sent) / 1_000_000);
              failed += record.value().outcome().status() == ActionStatus.FAILED ? 1 : 0;
            }
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      sampler.interrupt();
      Collections.sort(latencies);
      System.out.printf(
          "%nexecutor benchmark: %d actions (one per host, each with a %d ms cmrunpkg), %d completed, %d failed%n"
              + "  throughput: %.1f actions/s over %.2f s%n"
              + "  latency request->result: p50 %d ms, p99 %d ms, max %d ms%n"
              + "  executor peak heap used: %d MiB (limit -Xmx"
              + ServiceProcess.HEAP
              + ")%n",
          actions,
          delayMillis,
          latencies.size(),
          failed,
          latencies.size() / seconds,
          seconds,
          Percentiles.of(latencies, 50),
          Percentiles.of(latencies, 99),
          latencies.isEmpty() ? 0 : latencies.getLast(),
          peakHeap.get() / (1024 * 1024));
    }
  }
}
