package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the launcher needs, read from environment variables (see the README's table).
 *
 * @param externalKafka bootstrap servers of an existing cluster; empty: start the embedded broker
 * @param kafkaNamespace prefixes the installation's topics and consumer groups; empty for none
 * @param sideEffectsPort where the simulator serves what its hosts received, read-only
 * @param demoTeams the teams of the demo's identities ({@link DemoIdentities})
 * @param demo no API tokens configured (API_TOKENS, API_TOKENS_FILE): the launcher makes the
 *     demo's, with tokens everybody knows, and says so
 * @param serviceSettings further settings for the services, passed on as they are (JWT_*, the Kafka
 *     client security settings); the services also inherit the launcher's environment
 * @param fleet the fleet to simulate (and, in the demo, register); empty: the demo fleet
 * @param scale how many Kafka nodes and instances of each service to start
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
    int sideEffectsPort,
    int demoClusters,
    List<String> demoTeams,
    boolean demo,
    Map<String, String> serviceSettings,
    Optional<Fleet> fleet,
    Scale scale) {

  public LauncherSettings {
    new Topics(kafkaNamespace); // refuses an illegal namespace before anything starts
    serviceSettings = Map.copyOf(serviceSettings);
  }

  static final List<String> DEMO_TEAMS = List.of("alpha", "bravo", "charlie");

  /** The settings of API tokens; with neither set, the launcher runs a demo. */
  static final List<String> API_TOKEN_SETTINGS = List.of("API_TOKENS", "API_TOKENS_FILE");

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
        number(env, "SIMULATOR_SIDE_EFFECTS_PORT", 22200),
        number(env, "DEMO_CLUSTERS", 3),
        Optional.ofNullable(env.get("DEMO_TEAMS"))
            .filter(s -> !s.isBlank())
            .map(s -> Arrays.stream(s.split(",")).map(String::trim).toList())
            .orElse(DEMO_TEAMS),
        API_TOKEN_SETTINGS.stream().allMatch(key -> env.getOrDefault(key, "").isBlank()),
        env.entrySet().stream()
            .filter(e -> e.getKey().startsWith("JWT_"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        Optional.empty(),
        Scale.fromEnvironment(env));
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

  static int number(Map<String, String> env, String name, int fallback) {
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
