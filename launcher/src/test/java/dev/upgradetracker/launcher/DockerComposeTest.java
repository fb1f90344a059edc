package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** docker-compose.yml cannot run here (no Docker engine), so its consistency is checked instead. */
class DockerComposeTest {

  private static final Path ROOT = LauncherSettings.repositoryRoot();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void parsesAndRunsThreeKafkaNodesPostgresAndEveryService() throws IOException {
    assertThat(services().keySet())
        .containsExactlyInAnyOrder(
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "postgres",
            "command-service",
            "query-service",
            "executor");
  }

  @Test
  void keepsToTheComposeSpecificationsSchema() throws IOException {
    var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    Schema schema;
    try (var in = DockerComposeTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      // the schema's $id is relative: it is read as if from the classpath
      schema =
          registry.getSchema(
              SchemaLocation.of("classpath:compose-spec/compose-spec.json"), in, InputFormat.JSON);
    }
    // YAML anchors and merge keys resolved, as Compose reads them
    var compose = JSON.valueToTree(new Yaml(new LoaderOptions()).load(compose()));

    assertThat(schema.validate(compose).stream().map(Error::toString)).isEmpty();
    var broken = (ObjectNode) compose.deepCopy();
    ((ObjectNode) broken.get("services").get("executor")).put("restart", 7);
    assertThat(schema.validate(broken)).as("the schema does check").isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void eachKafkaNodeVotesKeepsItsDataOnAVolumeWhereItWritesAndReplicatesThreeWays(String node)
      throws IOException {
    var definition = services().get(node);
    @SuppressWarnings("unchecked")
    var environment = (Map<String, Object>) definition.get("environment");
    assertThat(environment)
        .containsEntry("KAFKA_NODE_ID", node.substring("kafka-".length()))
        .containsEntry(
            "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
        .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + node + ":9092")
        .containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data")
        .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
        .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
    assertThat(definition.get("volumes")).isEqualTo(List.of(node + "-data:/var/lib/kafka/data"));
    assertThat(definition).containsKey("healthcheck").containsEntry("restart", "unless-stopped");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "command-service", "query-service", "executor"})
  void everyPartRestartsAndSaysWhenItIsHealthy(String service) throws IOException {
    var definition = services().get(service);
    assertThat(definition).containsEntry("restart", "unless-stopped").containsKey("healthcheck");
  }

  @ParameterizedTest
  @ValueSource(strings = {"query-service", "executor"})
  void scaledServicesHaveNoFixedHostPortNoSharedStateAndTheirOwnAddress(String service)
      throws IOException {
    var definition = services().get(service);
    @SuppressWarnings("unchecked")
    var ports = (List<Object>) definition.getOrDefault("ports", List.of());
    assertThat(ports).allSatisfy(port -> assertThat(port.toString()).doesNotContain(":"));
    @SuppressWarnings("unchecked")
    var volumes = (List<String>) definition.getOrDefault("volumes", List.of());
    assertThat(volumes).allSatisfy(volume -> assertThat(volume).endsWith(":ro"));
    @SuppressWarnings("unchecked")
    var environment = (Map<String, Object>) definition.get("environment");
    assertThat(environment.get("KAFKA_REPLICATION_FACTOR")).isEqualTo("3");
    if (service.equals("query-service")) {
      assertThat(environment).containsEntry("VIEWS_ADVERTISED_HOST", "");
    }
  }

  @Test
  void theExecutorsSshMaterialIsDocumentedWhereItIsMountedAndNeverCommitted() throws IOException {
    var executor = services().get("executor");
    assertThat(executor.get("volumes").toString()).contains("./deploy/ssh:/ssh:ro");
    assertThat(ROOT.resolve("deploy/ssh/README.md")).content().contains("id_ecdsa", "known_hosts");
    assertThat(Files.readString(ROOT.resolve(".gitignore")))
        .contains("deploy/ssh/id_ecdsa", "deploy/ssh/known_hosts");
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
    assertThat(ConfigurationKeys.of(service)).containsAll(environment.keySet());
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
    assertThat(ConfigurationKeys.of(service)).contains("API_TOKENS", "JWT_JWK_SET_URI");
    assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains("deploy/identities.env");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    var yaml = new Yaml(new LoaderOptions());
    Map<String, Object> compose = yaml.load(compose());
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  private static String compose() throws IOException {
    return Files.readString(ROOT.resolve("docker-compose.yml"));
  }
}
