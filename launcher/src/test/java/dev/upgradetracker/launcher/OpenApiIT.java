package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both services describe their REST API as OpenAPI 3.1, every endpoint of every controller included
 * (read from the controllers' mappings), to callers with a token only.
 */
@ExtendWith(SharedStack.class)
class OpenApiIT {

  private static final String WEB = "org.springframework.web.bind.annotation.";
  private static final Map<String, String> METHODS =
      Map.of(
          "GetMapping", "get",
          "PostMapping", "post",
          "PutMapping", "put",
          "DeleteMapping", "delete",
          "PatchMapping", "patch");

  @Test
  void eachServiceDescribesEveryEndpointOfItsControllers(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();

    assertThat(described(stack.commandUrl()))
        .containsAll(endpoints("command-service"))
        .contains("post /api/campaigns/{campaignId}/clusters/{clusterId}/approve");
    assertThat(described(stack.queryUrl()))
        .containsAll(endpoints("query-service"))
        .contains("get /api/campaigns/{campaignId}");
  }

  @Test
  void theDescriptionIsForCallersWithATokenOnly(SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();

    assertThat(Http.get(stack.commandUrl() + "/v3/api-docs").statusCode()).isEqualTo(401);
    assertThat(Http.get(stack.queryUrl() + "/v3/api-docs", "no-such-token").statusCode())
        .isEqualTo(401);
  }

  /** "method path" of each operation the service's OpenAPI description holds. */
  private static Set<String> described(String serviceUrl) throws Exception {
    var response = Http.get(serviceUrl + "/v3/api-docs", DemoIdentities.AUDITOR_TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var api = JsonMapper.builder().build().readTree(response.body());
    assertThat(api.path("openapi").asString()).startsWith("3.1");
    var operations = new TreeSet<String>();
    api.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .propertyNames()
                    .forEach(method -> operations.add(method + " " + path.getKey())));
    return operations;
  }

  /** "method path" of each handler method of the module's controllers, from their bytecode. */
  private static Set<String> endpoints(String module) {
    var classes =
        new ClassFileImporter()
            .importPath(
                LauncherSettings.repositoryRoot().resolve(module).resolve("target/classes"));
    var endpoints = new TreeSet<String>();
    for (var controller : classes) {
      if (!controller.isAnnotatedWith(WEB + "RestController")) {
        continue;
      }
      var base = paths(controller.tryGetAnnotationOfType(WEB + "RequestMapping")).orElse("");
      for (var method : controller.getMethods()) {
        for (var mapping : METHODS.entrySet()) {
          var annotation = method.tryGetAnnotationOfType(WEB + mapping.getKey());
          annotation.ifPresent(
              a ->
                  endpoints.add(
                      mapping.getValue() + " " + base + paths(Optional.of(a)).orElse("")));
        }
      }
    }
    assertThat(endpoints).as("controllers found in " + module).hasSizeGreaterThan(5);
    return endpoints;
  }

  private static Optional<String> paths(Optional<? extends JavaAnnotation<?>> annotation) {
    return annotation.flatMap(
        a -> {
          for (var property : new String[] {"value", "path"}) {
            if (a.get(property).orElse(null) instanceof Object[] values && values.length > 0) {
              return Optional.of((String) values[0]);
            }
          }
          return Optional.empty();
        });
  }
}
