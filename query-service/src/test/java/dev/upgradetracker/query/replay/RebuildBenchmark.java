package dev.upgradetracker.query.replay;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.kafka.KRaftBroker;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.cluster.ClusterView;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./bench rebuild [events] [clusters]}: writes that many cluster events (registrations, then
 * guest moves as requested, succeeded and moved) to a real broker, then rebuilds every view from
 * offset 0 into a fresh state directory and prints the rate.
 */
public final class RebuildBenchmark {

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int clusters = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    var dir = Files.createTempDirectory("ut-bench-rebuild-");
    try (var broker = KRaftBroker.start(dir.resolve("kafka"), 0)) {
      Topics.DEFAULT.ensureExist(KafkaConnection.plain(broker.bootstrapServers()), 12, (short) 1);
      long writeStart = System.nanoTime();
      write(broker.bootstrapServers(), events, clusters);
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
      System.out.printf(
          "wrote %,d events over %,d clusters in %.1f s (%,.0f events/s)%n",
          events, clusters, writeSeconds, events / writeSeconds);

      long start = System.nanoTime();
      try (var rebuild =
          ViewsRebuild.start(
              KafkaConnection.plain(broker.bootstrapServers()),
              Topics.DEFAULT,
              dir.resolve("state"))) {
        rebuild.awaitCaughtUp(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        int views = rebuild.contents(ClusterView.STORE).size();
        System.out.printf(
            "rebuilt %,d cluster views (and team summaries, team activity) from %,d events in"
                + " %.1f s: %,.0f events/s%n",
            views, events, seconds, events / seconds);
      }
    }
  }

  private static void write(String bootstrapServers, int events, int clusters) {
    var t0 = Instant.parse("2026-11-25T00:00:00Z");
    try (var producer =
        KafkaClients.producer(
            KafkaConnection.plain(bootstrapServers), "bench-rebuild", JsonSerde.envelopes())) {
      long[] sequence = new long[clusters];
      for (int n = 0; n < events; n++) {
        int c = n % clusters;
        var clusterId = "bench-%04d".formatted(c);
        long seq = sequence[c]++;
        var event = seq == 0 ? registered(clusterId) : move(clusterId, seq);
        producer.send(
            new ProducerRecord<>(
                Topics.DEFAULT.events(),
                clusterId,
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
                    null)));
      }
      producer.flush();
    }
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
