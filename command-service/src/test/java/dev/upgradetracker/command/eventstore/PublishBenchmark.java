package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.testinfra.TestDatabases;
import dev.upgradetracker.testinfra.TestKafka;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * {@code ./bench publish [events=1000000] [clusters=1000]}: how fast the command service's
 * publisher copies stored events to Kafka. The store is filled behind the stopped publisher with
 * copies of the clusters' own events ({@link ClonedEvents}); the publisher is started and timed
 * until a reader of the topic has seen every one ({@link PublishedEvents}, which also checks order
 * per cluster and that no event id arrives twice). In the same run, a bare idempotent producer
 * (acks=all, as ours) sends as many records of the same size to a topic of as many partitions.
 */
public final class PublishBenchmark {

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final double FLOOR = 20_000;

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int clusters = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    var database = TestDatabases.create("ut_bench_publish");
    var namespace = TestKafka.namespace("publish");
    try (var service = BenchCommandService.start(database, namespace)) {
      BenchCommandService.register(BenchCommandService.port(service), clusters);
      var kafka = service.getBean(KafkaSettings.class);
      var publisher =
          service
              .getBean(EventProcessingConfiguration.class)
              .eventProcessor("kafka-publisher")
              .orElseThrow();
      var url = TestDatabases.url(database);
      try (var published = new PublishedEvents(kafka.connection(), kafka.topics().events())) {
        long stored = stored(url);
        published.readUntil(stored, PATIENCE);
        // warm: a tenth first, as in a publisher that has run a while
        stored += events / 10;
        publishAfterFilling(publisher, url, events / 10, published, stored);
        stored += events;
        var ours = publishAfterFilling(publisher, url, events, published, stored);
        var verdict = published.verdict(stored);
        double bare = bareProducer(kafka, namespace, clusters, events, published.sample());
        System.out.printf(
            "%npublish benchmark: %,d events of %,d clusters, PostgreSQL -> Kafka"
                + " (%,d bytes each on the topic)%n"
                + "  store filled by JDBC behind the stopped publisher: %,.0f events/s%n"
                + "  ours (the command service's publisher): %,9.0f events/s (%.1f s)%n"
                + "  bare idempotent producer, same size:    %,9.0f events/s%n"
                + "  ours / bare: %.0f%%; correctness: %s%n"
                + "  target >= %,.0f events/s: %s%n",
            events,
            clusters,
            published.sample().length,
            events / ours.fillSeconds(),
            events / ours.publishSeconds(),
            ours.publishSeconds(),
            bare,
            100 * events / ours.publishSeconds() / bare,
            verdict,
            FLOOR,
            events / ours.publishSeconds() >= FLOOR ? "MET" : "NOT MET");
      }
    } finally {
      TestDatabases.drop(database);
    }
  }

  private record Round(double fillSeconds, double publishSeconds) {}

  private static Round publishAfterFilling(
      EventProcessor publisher, String url, long events, PublishedEvents published, long total)
      throws SQLException {
    publisher.shutDown();
    double filling = ClonedEvents.insert(url, events);
    System.out.printf("stored %,d events behind the publisher; publishing them%n", events);
    long started = System.nanoTime();
    publisher.start();
    published.readUntil(total, PATIENCE);
    return new Round(filling, (published.lastArrival() - started) / 1e9);
  }

  /** The cluster events stored: those the events topic receives. */
  private static long stored(String url) throws SQLException {
    try (var connection = DriverManager.getConnection(url, "postgres", "");
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select count(*) from domain_event_entry where type = '"
                    + ClonedEvents.CLUSTER
                    + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Answers events/s: from the first send until the last is acknowledged. */
  private static double bareProducer(
      KafkaSettings kafka, String namespace, int clusters, long events, byte[] value)
      throws Exception {
    var topic = namespace + ".bare-publish";
    try (var admin = Admin.create(kafka.connection().properties())) {
      admin
          .createTopics(List.of(new NewTopic(topic, kafka.partitions(), kafka.replicas())))
          .all()
          .get();
      awaitLeaders(admin, topic);
    }
    // warm, as ours: a tenth first
    timedSends(kafka.connection(), topic, clusters, events / 10, value);
    return timedSends(kafka.connection(), topic, clusters, events, value);
  }

  /**
   * A produce request that reaches a partition before its leader knows it fails, and the idempotent
   * producer then retries its first batch behind later ones until its delivery timeout.
   */
  private static void awaitLeaders(Admin admin, String topic) throws Exception {
    for (int tries = 0; tries < 100; tries++) {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      if (description.partitions().stream().allMatch(partition -> partition.leader() != null)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("topic " + topic + " has partitions without a leader");
  }

  private static double timedSends(
      KafkaConnection connection, String topic, int clusters, long events, byte[] value) {
    try (var producer =
        new KafkaProducer<>(
            KafkaClients.producerProperties(connection, "bare-publish"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      long started = System.nanoTime();
      for (long n = 0; n < events; n++) {
        producer.send(new ProducerRecord<>(topic, "bench-" + (n % clusters), value));
      }
      producer.flush();
      return events / ((System.nanoTime() - started) / 1e9);
    }
  }
}
