package dev.upgradetracker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Three KRaft nodes, each a process of its own, killed and restarted as machines would fail. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KRaftClusterIT {

  private static final String TOPIC = "replicated";

  @TempDir static Path dataDir;
  private static KRaftCluster cluster;

  @BeforeAll
  static void startThreeNodes() throws Exception {
    cluster = KRaftCluster.start(dataDir, 3, 0);
    try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void everyAcknowledgedWriteSurvivesTheLossOfOneNodeAndWritesGoOnWithoutIt() throws Exception {
    try (var producer = producer()) {
      send(producer, "before", 50);
      cluster.kill(1);
      assertThat(cluster.isRunning(1)).isFalse();
      send(producer, "without-node-1", 50);
    }

    var seen = readAll(100);
    assertThat(seen).hasSize(100).doesNotHaveDuplicates();
    assertThat(seen.stream().filter(value -> value.startsWith("without-node-1"))).hasSize(50);

    cluster.restart(1);
    assertThat(cluster.isRunning(1)).isTrue();
    awaitEveryReplicaInSync(Duration.ofSeconds(60));
  }

  @Test
  @Order(2)
  void aWriteIsNotAcknowledgedWhenOnlyOneCopyCouldTakeIt() throws Exception {
    cluster.kill(2);
    cluster.kill(3);
    var producer = producer();
    try {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(TOPIC, "k", "with-one-node"))
                      .get(8, TimeUnit.SECONDS))
          .as("refused, or never acknowledged")
          .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
    } finally {
      producer.close(Duration.ZERO); // a producer whose write failed would wait for it forever
    }
    cluster.restart(2);
    cluster.restart(3);
    assertThat(readAll(100)).doesNotContain("with-one-node").hasSize(100);
  }

  private static void send(KafkaProducer<String, String> producer, String prefix, int count)
      throws Exception {
    for (int n = 0; n < count; n++) {
      producer.send(new ProducerRecord<>(TOPIC, "key-" + n, prefix + "-" + n)).get();
    }
  }

  private static void awaitEveryReplicaInSync(Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      while (true) {
        var partitions =
            admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions();
        if (partitions.stream().allMatch(partition -> partition.isr().size() == 3)) {
          return;
        }
        assertThat(System.nanoTime()).as("every replica back in sync").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            20_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            10_000),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(int expected) {
    var seen = new ArrayList<String>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
      }
      // anything beyond what was acknowledged would show up in a little more reading
      consumer.poll(Duration.ofSeconds(2)).forEach(r -> seen.add(r.value()));
    }
    return seen;
  }
}
