package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.testinfra.TestKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stacks for tests and benchmarks: free ports, a data directory of their own, a given fleet. */
final class TestStacks {

  private TestStacks() {}

  /**
   * The system on free ports under {@code dataDir}, on the build's broker in a Kafka namespace of
   * its own, simulating and registering {@code clusters}.
   */
  static LauncherSettings on(Path dataDir, ClusterSpec... clusters) {
    return on(dataDir, LauncherSettings.DEMO_TEAMS, clusters);
  }

  /** As {@link #on(Path, ClusterSpec...)}, with these teams' demo identities. */
  static LauncherSettings on(Path dataDir, List<String> teams, ClusterSpec... clusters) {
    return settings(
        dataDir,
        Optional.of(TestKafka.bootstrapServers()),
        TestKafka.namespace("stack"),
        teams,
        Scale.SINGLE,
        clusters);
  }

  /**
   * As {@link #on(Path, List, ClusterSpec...)}, every service also given {@code serviceSettings}.
   */
  static LauncherSettings on(
      Path dataDir, List<String> teams, Map<String, String> serviceSettings) {
    var plain = on(dataDir, teams);
    return reshaped(plain, plain.kafkaPort(), serviceSettings, plain.scale());
  }

  /** As {@link #on(Path, ClusterSpec...)}, every service also given {@code serviceSettings}. */
  static LauncherSettings on(
      Path dataDir, Map<String, String> serviceSettings, ClusterSpec... clusters) {
    var plain = on(dataDir, clusters);
    return reshaped(plain, plain.kafkaPort(), serviceSettings, plain.scale());
  }

  /**
   * The distributed shape on free ports under {@code dataDir}: an embedded Kafka cluster of three
   * nodes and two of every service, the command services sharing the PostgreSQL store at {@code
   * eventStoreUrl}, simulating and registering {@code clusters} for {@code teams}; every service
   * also gets {@code serviceSettings}.
   */
  static LauncherSettings distributed(
      Path dataDir,
      String eventStoreUrl,
      List<String> teams,
      Map<String, String> serviceSettings,
      ClusterSpec... clusters) {
    var scale = new Scale(3, 2, 2, 2);
    var distributed = settings(dataDir, Optional.empty(), "", teams, scale, clusters);
    var services = new HashMap<>(serviceSettings);
    services.put("EVENT_STORE_URL", eventStoreUrl);
    services.put("EVENT_STORE_USER", "postgres");
    return reshaped(distributed, distributed.kafkaPort(), services, scale);
  }

  /** {@code settings} with Kafka's first port, more service settings and a scale of its own. */
  private static LauncherSettings reshaped(
      LauncherSettings settings, int kafkaPort, Map<String, String> more, Scale scale) {
    var services = new HashMap<>(settings.serviceSettings());
    services.putAll(more);
    return new LauncherSettings(
        settings.home(),
        settings.dataDir(),
        settings.externalKafka(),
        settings.kafkaNamespace(),
        kafkaPort,
        settings.commandPort(),
        settings.queryPort(),
        settings.executorPort(),
        settings.simulatorBasePort(),
        settings.sideEffectsPort(),
        settings.demoClusters(),
        settings.demoTeams(),
        settings.demo(),
        services,
        settings.fleet(),
        scale);
  }

  /**
   * As {@link #on(Path, Map, ClusterSpec...)}, but every service reaches the build's broker over
   * its SASL_PLAINTEXT listener, logging in with SCRAM-SHA-256 as {@code user} with {@code
   * password}.
   */
  static LauncherSettings overSasl(
      Path dataDir,
      String user,
      String password,
      Map<String, String> serviceSettings,
      ClusterSpec... clusters) {
    var plain = on(dataDir, serviceSettings, clusters);
    var services = new HashMap<>(plain.serviceSettings());
    services.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    services.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256");
    services.put("KAFKA_SASL_USERNAME", user);
    services.put("KAFKA_SASL_PASSWORD", password);
    return new LauncherSettings(
        plain.home(),
        plain.dataDir(),
        Optional.of(TestKafka.saslBootstrapServers()),
        plain.kafkaNamespace(),
        plain.kafkaPort(),
        plain.commandPort(),
        plain.queryPort(),
        plain.executorPort(),
        plain.simulatorBasePort(),
        plain.sideEffectsPort(),
        plain.demoClusters(),
        plain.demoTeams(),
        plain.demo(),
        services,
        plain.fleet(),
        plain.scale());
  }

  private static LauncherSettings settings(
      Path dataDir,
      Optional<String> externalKafka,
      String namespace,
      List<String> teams,
      Scale scale,
      ClusterSpec... clusters) {
    var ports = new FreePorts();
    return new LauncherSettings(
        LauncherSettings.repositoryRoot(),
        dataDir,
        externalKafka,
        namespace,
        ports.series(scale.kafkaBrokers(), 1),
        ports.series(scale.commandServices(), Scale.PORT_STEP),
        ports.series(scale.queryServices(), Scale.PORT_STEP),
        ports.series(scale.executors(), Scale.PORT_STEP),
        0,
        0,
        0,
        teams,
        true,
        // 4 partitions a topic, not 12: a third of the Streams tasks and broker partitions per
        // stack, for test fleets of a few clusters
        Map.of("JWT_JWK_SET_FILE", TestJwts.jwkSetFile().toString(), "KAFKA_PARTITIONS", "4"),
        Optional.of(new Fleet(List.of(clusters))),
        scale);
  }

  /** A free port below Linux's ephemeral range, as {@link FreePorts} picks them. */
  static int freePort() {
    return new FreePorts().one();
  }
}
