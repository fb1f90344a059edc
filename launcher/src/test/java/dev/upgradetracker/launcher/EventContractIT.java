package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.messaging.contract.ContractReader;
import dev.upgradetracker.messaging.contract.EventContract;
import dev.upgradetracker.testinfra.TestKafka;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other IT of the build (ordered last): reads every event topic the build's broker
 * holds — what every stack of every module's tests published — and checks each record against its
 * event schema. Every event type of the sealed interfaces must have been seen.
 */
@Order(Integer.MAX_VALUE)
class EventContractIT {

  @Test
  void everyEventPublishedByTheTestsKeepsItsSchemaAndEveryTypeWasSeen() throws Exception {
    var kafka = KafkaConnection.plain(TestKafka.bootstrapServers());
    var plain = Topics.DEFAULT;
    var seen = new TreeSet<String>();
    int records = 0;
    try (var admin = Admin.create(kafka.properties())) {
      for (var topic : admin.listTopics().names().get()) {
        if (topic.endsWith(plain.events()) || topic.endsWith(plain.campaignEvents())) {
          for (var read : ContractReader.readAll(kafka, topic, new StringDeserializer())) {
            seen.add(read.json().path("type").asString());
            records++;
          }
        }
      }
    }

    assertThat(records).as("events read").isPositive();
    var unseen = new TreeSet<>(EventContract.eventTypes());
    unseen.removeAll(seen);
    assertThat(unseen).as("event types no IT published (of %d records read)", records).isEmpty();
  }
}
