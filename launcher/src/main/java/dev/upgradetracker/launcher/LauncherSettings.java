package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.messaging.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher needs, read from environment variables (see the README's table).
 *
 * @param externalKafka bootstrap servers of an existing cluster; empty: start the embedded broker
 * @param kafkaNamespace prefixes the installation's topics and consumer groups; empty for none
 * @param fleet the fleet to simulate and register; empty: the demo fleet
 */
public record LauncherSettings(
    Path home,
    Path dataDir,
    Optional<String> externalKafka,
    String kafkaNamespace,
    int kafkaPort,
    int commandPort,
    int queryPort,
    int executorPort,
    int simulatorBasePort,
    int demoClusters,
    String teamTokens,
    Optional<Fleet> fleet) {

  public LauncherSettings {
    new Topics(kafkaNamespace); // refuses an illegal namespace before anything starts
  }

  /** The demo's tokens; any real deployment sets TEAM_TOKENS. */
  static final String DEMO_TEAM_TOKENS =
      "alpha=alpha-token,bravo=bravo-token,charlie=charlie-token";

  public static LauncherSettings fromEnvironment() {
    var env = System.getenv();
    return new LauncherSettings(
        repositoryRoot(),
        Path.of(env.getOrDefault("UT_DATA_DIR", ".data")).toAbsolutePath().normalize(),
        Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
        env.getOrDefault("KAFKA_NAMESPACE", ""),
        number(env, "KAFKA_PORT", 9092),
        number(env, "COMMAND_SERVICE_PORT", 8081),
        number(env, "QUERY_SERVICE_PORT", 8082),
        number(env, "EXECUTOR_PORT", 8083),
        number(env, "SIMULATOR_BASE_PORT", 22201),
        number(env, "DEMO_CLUSTERS", 3),
        env.getOrDefault("TEAM_TOKENS", DEMO_TEAM_TOKENS),
        Optional.empty());
  }

  /** The repository root, where each service's executable jar is built. */
  static Path repositoryRoot() {
    var configured =
        Optional.ofNullable(System.getProperty("ut.home"))
            .or(() -> Optional.ofNullable(System.getenv("UT_HOME")));
    if (configured.isPresent()) {
      return Path.of(configured.get()).toAbsolutePath().normalize();
    }
    var here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("command-service")) ? here : here.getParent();
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    var value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
  }
}
