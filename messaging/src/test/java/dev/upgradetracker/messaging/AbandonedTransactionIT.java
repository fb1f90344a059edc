package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.testinfra.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A transaction whose process died before committing it holds read-committed readers back until the
 * broker aborts it: within the publisher's transaction timeout and a second, not Kafka's 60 s.
 */
class AbandonedTransactionIT {

  @Test
  void whatWasCommittedAfterAnAbandonedTransactionIsReadSoonAfterItsTimeout() throws Exception {
    var kafka = KafkaConnection.plain(TestKafka.bootstrapServers());
    var topic = TestKafka.namespace("abandoned") + ".records";
    try (var admin = Admin.create(kafka.properties())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    var serde = new JsonSerde<>(String.class);
    // the process that dies: its transaction is begun, written to, and never ended
    var dying =
        KafkaClients.transactionalProducer(kafka, "dying", "dying-" + UUID.randomUUID(), serde);
    dying.initTransactions();
    dying.beginTransaction();
    dying.send(new ProducerRecord<>(topic, "k", "never committed")).get();
    long abandoned = System.nanoTime();
    try (var next =
        KafkaClients.transactionalProducer(kafka, "next", "next-" + UUID.randomUUID(), serde)) {
      next.initTransactions();
      next.beginTransaction();
      next.send(new ProducerRecord<>(topic, "k", "committed")).get();
      next.commitTransaction();
    }

    var read = new ArrayList<String>();
    try (var reader = KafkaClients.consumer(kafka, "reader-" + UUID.randomUUID(), serde)) {
      reader.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        reader.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
      }
    }
    var waited = Duration.ofNanos(System.nanoTime() - abandoned);
    dying.close(Duration.ZERO);

    assertThat(read).as("only what was committed").containsExactly("committed");
    assertThat(waited)
        .as("the reader held back by the abandoned transaction")
        .isLessThan(Duration.ofMillis(KafkaClients.TRANSACTION_TIMEOUT_MS).plusSeconds(5));
  }
}
