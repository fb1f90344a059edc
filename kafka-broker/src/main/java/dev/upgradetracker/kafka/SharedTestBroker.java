package dev.upgradetracker.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One broker for a whole test run in this JVM: started by the first test that asks for it, stopped
 * when the JVM exits. Tests isolate themselves with their own topics or consumer groups.
 */
public final class SharedTestBroker {

  private static KRaftBroker broker;

  private SharedTestBroker() {}

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      try {
        var dir = Files.createTempDirectory("ut-kafka-");
        broker = KRaftBroker.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a data directory for the test broker", e);
      }
    }
    return broker.bootstrapServers();
  }
}
