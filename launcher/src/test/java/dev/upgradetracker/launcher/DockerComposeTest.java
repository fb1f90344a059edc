package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here (no Docker engine), so its consistency is checked instead. */
class DockerComposeTest {

  private static final Path ROOT = LauncherSettings.repositoryRoot();
  private static final Pattern CONFIG_KEY = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  @Test
  void parsesAndRunsKafkaPostgresAndEveryService() throws IOException {
    assertThat(services().keySet())
        .containsExactlyInAnyOrder(
            "kafka", "postgres", "command-service", "query-service", "executor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-service", "query-service", "executor"})
  void eachServiceIsBuiltFromItsOwnDockerfileWithTheLaunchersConfigurationKeys(String service)
      throws IOException {
    var definition = services().get(service);
    assertThat(definition.get("build")).isEqualTo("./" + service);
    assertThat(ROOT.resolve(service).resolve("Dockerfile")).isRegularFile();

    @SuppressWarnings("unchecked")
    var environment = (Map<String, Object>) definition.get("environment");
    assertThat(environment).containsKey("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(configurationKeys(service)).containsAll(environment.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-service", "query-service", "executor"})
  void eachServiceTakesItsIdentitiesFromARequiredEnvFileAndNoCredentialIsWrittenIn(String service)
      throws IOException {
    var definition = services().get(service);
    assertThat(definition.get("env_file"))
        .isEqualTo(List.of(Map.of("path", "./deploy/identities.env", "required", true)));
    @SuppressWarnings("unchecked")
    var environment = (Map<String, Object>) definition.get("environment");
    assertThat(environment.keySet())
        .doesNotContain("API_TOKENS", "API_TOKENS_FILE", "JWT_JWK_SET_FILE", "JWT_JWK_SET_URI");
    assertThat(configurationKeys(service)).contains("API_TOKENS", "JWT_JWK_SET_URI");
    assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains("deploy/identities.env");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    var yaml = new Yaml(new LoaderOptions());
    Map<String, Object> compose = yaml.load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  /**
   * The environment variables a service reads: the placeholders of its application.yml and of the
   * security settings every service imports.
   */
  private static Set<String> configurationKeys(String service) throws IOException {
    var yml =
        Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml"))
            + Files.readString(
                ROOT.resolve("web-support/src/main/resources/upgrade-tracker-security.yml"));
    var keys = new HashSet<String>();
    var matcher = CONFIG_KEY.matcher(yml);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
