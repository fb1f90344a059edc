package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleTest {

  @TempDir Path dataDir;

  @Test
  void readsHowManyOfEachPartToStartFromTheEnvironment() {
    var scale =
        Scale.fromEnvironment(
            Map.of("KAFKA_BROKERS", "3", "COMMAND_SERVICES", "2", "EXECUTORS", "2"));

    assertThat(scale).isEqualTo(new Scale(3, 2, 1, 2));
    assertThat(scale.replicas()).isEqualTo(3);
    assertThat(new Scale(5, 1, 1, 1).replicas()).as("copies, not nodes").isEqualTo(3);
    assertThat(Scale.fromEnvironment(Map.of())).isEqualTo(Scale.SINGLE);
  }

  @Test
  void refusesACountOutsideOneToFiveNamingTheSetting() {
    assertThatThrownBy(() -> Scale.fromEnvironment(Map.of("QUERY_SERVICES", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("QUERY_SERVICES must be between 1 and 5 on one machine, was 0");
    assertThatThrownBy(() -> Scale.fromEnvironment(Map.of("KAFKA_BROKERS", "two")))
        .hasMessage("KAFKA_BROKERS must be a whole number, was 'two'");
  }

  @Test
  void namesAndPortsEachInstanceAfterItsService() {
    assertThat(Scale.instanceName("query-service", 1)).isEqualTo("query-service");
    assertThat(Scale.instanceName("query-service", 2)).isEqualTo("query-service-2");
    assertThat(Scale.instancePort(8082, 1)).isEqualTo(8082);
    assertThat(Scale.instancePort(8082, 3)).isEqualTo(8282);
  }

  @Test
  void refusesTwoCommandServicesOnAnEventStoreOnlyOneProcessCanOpenAndStartsNothing() {
    var settings = withScale(new Scale(1, 2, 1, 1));

    assertThatThrownBy(() -> Stack.start(settings))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "COMMAND_SERVICES=2 needs an event store they share: set EVENT_STORE_URL to a"
                + " PostgreSQL database");
    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void refusesAKafkaClusterBesideTheSingleBrokerADataDirectoryWasMadeWith() throws Exception {
    Files.createDirectories(dataDir.resolve("kafka").resolve("logs"));

    assertThatThrownBy(() -> Stack.start(withScale(new Scale(3, 1, 1, 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds a Kafka broker of one node")
        .hasMessageContaining("KAFKA_BROKERS=3 would start an empty one beside it");
    assertThat(dataDir.resolve("kafka-cluster")).doesNotExist();
  }

  private LauncherSettings withScale(Scale scale) {
    return new LauncherSettings(
        LauncherSettings.repositoryRoot(),
        dataDir,
        Optional.empty(),
        "",
        TestStacks.freePort(),
        TestStacks.freePort(),
        TestStacks.freePort(),
        TestStacks.freePort(),
        0,
        0,
        1,
        LauncherSettings.DEMO_TEAMS,
        true,
        Map.of(),
        Optional.empty(),
        scale);
  }
}
