package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes cannot be applied here (no cluster), so each manifest is parsed into the
 * fabric8 Kubernetes model, strictly: a field the model does not know fails, as the API server
 * would refuse it.
 */
class KubernetesManifestsTest {

  private static final KubernetesSerialization MODEL = new KubernetesSerialization();
  private static final Path MANIFESTS =
      LauncherSettings.repositoryRoot().resolve("deploy/kubernetes");

  @Test
  void everyManifestIsAKnownKindWithNoFieldTheModelDoesNotKnow() throws Exception {
    var resources = resources();

    assertThat(resources)
        .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
        .doesNotHaveDuplicates()
        .contains(
            "ConfigMap/upgrade-tracker-config",
            "Deployment/command-service",
            "Service/command-service",
            "Deployment/query-service",
            "Service/query-service",
            "Deployment/executor");
    for (var resource : resources) {
      assertThat(resource).isNotInstanceOf(GenericKubernetesResource.class);
      assertThat(resource.getMetadata().getNamespace()).isEqualTo("upgrade-tracker");
      assertThat(unknownFields(resource, resource.getKind())).isEmpty();
    }
  }

  @Test
  void aFieldTheModelDoesNotKnowIsFound() throws Exception {
    var misspelt =
        Files.readString(MANIFESTS.resolve("executor.yaml"))
            .replace("  replicas: 2", "  replica: 2");

    var deployment = MODEL.unmarshal(misspelt, Deployment.class);

    assertThat(unknownFields(deployment, "Deployment")).containsExactly("Deployment.spec.replica");
  }

  @ParameterizedTest
  @ValueSource(strings = {"command-service", "query-service", "executor"})
  void eachServiceIsProbedAndBoundedAndSetOnlyWithKeysItReads(String service) throws Exception {
    var container = container(service);

    assertThat(container.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(container.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(container.getStartupProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    var keys = ConfigurationKeys.of(service);
    assertThat(container.getEnv()).extracting(EnvVar::getName).allMatch(keys::contains);
    var config = (ConfigMap) resource("ConfigMap", "upgrade-tracker-config");
    assertThat(config.getData().keySet())
        .as("the shared settings, each read by some service")
        .allMatch(
            key ->
                Stream.of("command-service", "query-service", "executor")
                    .anyMatch(s -> keysOf(s).contains(key)));
  }

  @Test
  void eachQueryServicePodAdvertisesItsOwnAddressAndExecutorsGetOnlyThePublicSigningKey()
      throws Exception {
    var advertised =
        container("query-service").getEnv().stream()
            .filter(env -> env.getName().equals("VIEWS_ADVERTISED_HOST"))
            .findFirst()
            .orElseThrow();
    assertThat(advertised.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");

    var executor = (Deployment) resource("Deployment", "executor");
    assertThat(executor.getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(volume -> volume.getSecret() != null)
        .extracting(volume -> volume.getSecret().getSecretName())
        .containsExactlyInAnyOrder("upgrade-tracker-ssh", "upgrade-tracker-signing-public");
    var service = (Service) resource("Service", "query-service");
    assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(8082);
  }

  private static Set<String> keysOf(String service) {
    try {
      return ConfigurationKeys.of(service);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Container container(String service) throws IOException {
    var deployment = (Deployment) resource("Deployment", service);
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
  }

  private static HasMetadata resource(String kind, String name) throws IOException {
    return resources().stream()
        .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<HasMetadata> resources() throws IOException {
    var all = new ArrayList<HasMetadata>();
    try (var files = Files.list(MANIFESTS)) {
      for (var file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (var document : Files.readString(file).split("(?m)^---$")) {
          if (!document.isBlank()) {
            all.add(MODEL.unmarshal(document));
          }
        }
      }
    }
    return all;
  }

  /** The paths of every field the model kept aside as one it does not know. */
  private static List<String> unknownFields(Object model, String path) throws Exception {
    var found = new ArrayList<String>();
    if (model == null || !model.getClass().getPackageName().startsWith("io.fabric8")) {
      return found;
    }
    for (var getter : model.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        var extra = (Map<?, ?>) getter.invoke(model);
        extra.keySet().forEach(key -> found.add(path + "." + key));
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (InvocationTargetException e) {
        continue;
      }
      var field =
          path
              + "."
              + Character.toLowerCase(getter.getName().charAt(3))
              + getter.getName().substring(4);
      for (var child : children(value)) {
        found.addAll(unknownFields(child, field));
      }
    }
    return found;
  }

  private static Collection<?> children(Object value) {
    return switch (value) {
      case null -> List.of();
      case Collection<?> many -> many;
      case Map<?, ?> byKey -> byKey.values();
      case Object[] array -> Arrays.asList(array);
      default -> List.of(value);
    };
  }
}
