package dev.upgradetracker.query.replay;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.kafka.KRaftBroker;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.cluster.ClusterProjection;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.team.TeamSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./bench rebuild [events] [clusters]}: writes that many cluster events (registrations, then
 * guest moves as requested, succeeded and moved) to a real broker, then rebuilds every view from
 * offset 0 into a fresh state directory and prints the rate, beside a bare Kafka Streams aggregate
 * over the same topic in the same run. Both run warm, as in a service that has run for a while: a
 * tenth of the events is rebuilt first under another namespace. PASS when every rebuilt cluster
 * view equals the same events folded directly, and the team summaries count every cluster once.
 */
public final class RebuildBenchmark {

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int clusters = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    var dir = Files.createTempDirectory("ut-bench-rebuild-");
    try (var broker = KRaftBroker.start(dir.resolve("kafka"), 0)) {
      var kafka = KafkaConnection.plain(broker.bootstrapServers());
      var warm = new Topics("warm");
      warm.ensureExist(kafka, 12, (short) 1);
      Topics.DEFAULT.ensureExist(kafka, 12, (short) 1);
      write(kafka, warm, Math.max(clusters, events / 10), clusters);
      rebuild(kafka, warm, dir.resolve("warm-state"));

      long writeStart = System.nanoTime();
      var expected = write(kafka, Topics.DEFAULT, events, clusters);
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
      System.out.printf(
          "wrote %,d events over %,d clusters in %.1f s (%,.0f events/s)%n",
          events, clusters, writeSeconds, events / writeSeconds);

      double bare = BareStreamsAggregate.run(kafka, Topics.DEFAULT.events(), events, dir);
      long start = System.nanoTime();
      try (var rebuild = ViewsRebuild.start(kafka, Topics.DEFAULT, dir.resolve("state"))) {
        rebuild.awaitCaughtUp(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        var views = rebuild.<ClusterView>contents(ClusterView.STORE);
        var summaries = rebuild.<TeamSummary>contents(TeamSummary.STORE);
        double ours = events / seconds;
        int clustersCounted = summaries.values().stream().mapToInt(TeamSummary::clusters).sum();
        System.out.printf(
            "%nrebuild benchmark: %,d events over %,d clusters%n"
                + "  ours (all views: cluster views, team summaries, team activity): %,.0f events/s"
                + " (%.1f s)%n"
                + "  bare Kafka Streams aggregate of the same topic into RocksDB:      %,.0f events/s%n"
                + "  ours / bare: %.0f%%; floor 50,000 events/s: %s; goal 100,000 events/s and >= 40%%"
                + " of bare: %s%n"
                + "  correctness: %,d of %,d cluster views equal to their events folded directly,"
                + " team summaries count %,d clusters: %s%n",
            events,
            clusters,
            ours,
            seconds,
            bare,
            100 * ours / bare,
            ours >= 50_000 ? "MET" : "NOT MET",
            ours >= 100_000 && ours >= 0.4 * bare ? "MET" : "NOT MET",
            expected.entrySet().stream()
                .filter(entry -> entry.getValue().equals(views.get(entry.getKey())))
                .count(),
            expected.size(),
            clustersCounted,
            views.equals(expected) && clustersCounted == clusters ? "PASS" : "FAIL");
      }
    }
  }

  private static void rebuild(KafkaConnection kafka, Topics topics, Path stateDir)
      throws InterruptedException {
    try (var rebuild = ViewsRebuild.start(kafka, topics, stateDir)) {
      rebuild.awaitCaughtUp(Duration.ofMinutes(30));
    }
  }

  /** Writes the events and answers each cluster's view as the events fold directly. */
  private static Map<String, ClusterView> write(
      KafkaConnection kafka, Topics topics, int events, int clusters) {
    var t0 = Instant.parse("2026-11-25T00:00:00Z");
    var folded = new HashMap<String, ClusterView>();
    var failed = new AtomicLong();
    try (var producer = KafkaClients.producer(kafka, "bench-rebuild", JsonSerde.envelopes())) {
      long[] sequence = new long[clusters];
      for (int n = 0; n < events; n++) {
        int c = n % clusters;
        var clusterId = "bench-%04d".formatted(c);
        long seq = sequence[c]++;
        var event = seq == 0 ? registered(clusterId) : move(clusterId, seq);
        var envelope =
            new EventEnvelope(
                clusterId + "-" + seq,
                clusterId,
                seq,
                t0.plusMillis(n),
                "team-" + (c % 20),
                "bench",
                null,
                "r",
                "c",
                event,
                null,
                null);
        producer.send(
            new ProducerRecord<>(topics.events(), clusterId, envelope),
            (written, failure) -> {
              if (failure != null) {
                failed.incrementAndGet();
              }
            });
        folded.put(
            clusterId,
            ClusterProjection.apply(
                folded.getOrDefault(clusterId, ClusterView.empty(clusterId)), envelope));
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " events could not be written");
    }
    return folded;
  }

  private static ClusterEvent registered(String clusterId) {
    var hosts = new ArrayList<VmHost>();
    var guests = new ArrayList<Guest>();
    for (int h = 1; h <= 4; h++) {
      hosts.add(new VmHost("h" + h, "127.0.0.1:" + h, "B.11.23", "A.03.50", "A.11.18"));
      for (int g = 1; g <= 5; g++) {
        guests.add(new Guest("g" + h + g, "h" + h, "A.03.50"));
      }
    }
    return new ClusterEvent.ClusterRegistered(
        clusterId, "team", Topology.GUESTS_AS_PACKAGES, false, hosts, guests, List.of(), null);
  }

  /** Guest g11 moves between h1 and h2: requested, succeeded, moved, and again. */
  private static ClusterEvent move(String clusterId, long seq) {
    long round = (seq - 1) / 3;
    var from = round % 2 == 0 ? "h1" : "h2";
    var to = round % 2 == 0 ? "h2" : "h1";
    var actionId = clusterId + "-m" + round;
    return switch ((int) ((seq - 1) % 3)) {
      case 0 ->
          new ClusterEvent.HostActionRequested(
              clusterId, actionId, from, "127.0.0.1:1", new HostAction.MoveGuest("g11", from, to));
      case 1 ->
          new ClusterEvent.HostActionSucceeded(
              clusterId,
              actionId,
              from,
              new ActionOutcome(
                  ActionStatus.SUCCEEDED,
                  0,
                  "ok",
                  20,
                  List.of("cmrunpkg -n " + to + " g11"),
                  "fp"));
      default -> new ClusterEvent.GuestMoved(clusterId, "g11", from, to, actionId);
    };
  }
}
