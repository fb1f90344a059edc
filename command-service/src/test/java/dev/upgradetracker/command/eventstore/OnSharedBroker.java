package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.testinfra.TestKafka;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a command service under test at the build's broker, in a Kafka namespace of its own. */
final class OnSharedBroker {

  private OnSharedBroker() {}

  static void register(DynamicPropertyRegistry registry, String test) {
    var namespace = TestKafka.namespace(test);
    registry.add("upgrade-tracker.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("upgrade-tracker.kafka.namespace", () -> namespace);
  }
}
