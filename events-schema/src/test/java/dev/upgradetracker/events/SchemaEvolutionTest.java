package dev.upgradetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule of schema evolution: once a type version is released (its schema frozen in {@code
 * src/test/resources/released-schemas}), its schema may only gain optional fields. Anything else —
 * a field removed, retyped or made required — is a new type version with an upcaster. A new type
 * version is frozen with {@code -Dschemas.freeze=true}.
 */
class SchemaEvolutionTest {

  private static final Path CURRENT = Path.of("src/main/resources/schemas");
  private static final Path RELEASED = Path.of("src/test/resources/released-schemas");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<String> currentTypes() throws IOException {
    return schemaNames(CURRENT);
  }

  static Stream<String> releasedTypes() throws IOException {
    return schemaNames(RELEASED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentTypes")
  void everyCurrentTypeVersionIsFrozenAsReleased(String type) throws IOException {
    var released = RELEASED.resolve(type + ".schema.json");
    if (!Files.exists(released) && Boolean.getBoolean("schemas.freeze")) {
      Files.createDirectories(RELEASED);
      Files.copy(CURRENT.resolve(type + ".schema.json"), released);
    }
    assertThat(released).as("%s frozen (-Dschemas.freeze=true)", type).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releasedTypes")
  void aReleasedTypeVersionOnlyGainsOptionalFields(String type) throws IOException {
    var current = CURRENT.resolve(type + ".schema.json");
    if (!Files.exists(current)) {
      assertThat(successorOf(type))
          .as("%s was released: it may be retired only for a later version of its type", type)
          .isNotEmpty();
      return;
    }
    assertThat(breaches(read(RELEASED.resolve(type + ".schema.json")), read(current)))
        .as("%s changed against its release: make it a new version with an upcaster", type)
        .isEmpty();
  }

  @Test
  void anAddedOptionalFieldKeepsTheRule() {
    var released = schema("{\"a\":{\"type\":\"string\"}}", "[\"a\"]");
    var current = schema("{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}", "[\"a\"]");

    assertThat(breaches(released, current)).isEmpty();
  }

  @Test
  void anAddedRequiredFieldBreaksTheRule() {
    var released = schema("{\"a\":{\"type\":\"string\"}}", "[\"a\"]");
    var current =
        schema("{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}", "[\"a\",\"b\"]");

    assertThat(breaches(released, current)).containsExactly("b became required");
  }

  @Test
  void anOptionalFieldAddedToANestedRecordKeepsTheRuleARetypedOneBreaksIt() {
    var released =
        schema(
            "{\"guests\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}",
            "[\"guests\"]");
    var added =
        schema(
            "{\"guests\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"site\":{\"type\":\"string\"}},"
                + "\"required\":[\"name\"]}}}",
            "[\"guests\"]");
    var retyped =
        schema(
            "{\"guests\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"integer\"}},\"required\":[\"name\"]}}}",
            "[\"guests\"]");

    assertThat(breaches(released, added)).isEmpty();
    assertThat(breaches(released, retyped)).containsExactly("guests[].name changed");
  }

  @Test
  void aRemovedOrRetypedFieldBreaksTheRule() {
    var released =
        schema("{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}", "[\"a\",\"b\"]");
    var current = schema("{\"a\":{\"type\":\"integer\"}}", "[\"a\"]");

    assertThat(breaches(released, current))
        .containsExactlyInAnyOrder("a changed", "b was removed", "b is no longer required");
  }

  /**
   * What {@code current} changed against {@code released} beyond adding optional fields, at any
   * depth (an optional field added to a nested record keeps the rule too).
   */
  static List<String> breaches(JsonNode released, JsonNode current) {
    var found = new ArrayList<String>();
    compare("", released, current, found);
    return found;
  }

  private static void compare(String at, JsonNode released, JsonNode current, List<String> found) {
    for (var keyword : released.propertyNames()) {
      switch (keyword) {
        case "properties" -> compareProperties(at, released, current, found);
        case "items" -> compare(at + "[]", released.get("items"), current.path("items"), found);
        case "required" -> compareRequired(at, released, current, found);
        default -> {
          if (!released.get(keyword).equals(current.get(keyword))) {
            found.add(name(at) + " changed");
          }
        }
      }
    }
    if (!released.has("required")) {
      compareRequired(at, released, current, found);
    }
  }

  private static void compareProperties(
      String at, JsonNode released, JsonNode current, List<String> found) {
    var releasedProperties = released.path("properties");
    var currentProperties = current.path("properties");
    for (var name : releasedProperties.propertyNames()) {
      var path = at.isEmpty() ? name : at + "." + name;
      if (!currentProperties.has(name)) {
        found.add(path + " was removed");
      } else {
        compare(path, releasedProperties.get(name), currentProperties.get(name), found);
      }
    }
  }

  private static void compareRequired(
      String at, JsonNode released, JsonNode current, List<String> found) {
    var releasedRequired = required(released);
    var currentRequired = required(current);
    var prefix = at.isEmpty() ? "" : at + ".";
    currentRequired.stream()
        .filter(name -> !releasedRequired.contains(name))
        .sorted()
        .forEach(name -> found.add(prefix + name + " became required"));
    releasedRequired.stream()
        .filter(name -> !currentRequired.contains(name))
        .sorted()
        .forEach(name -> found.add(prefix + name + " is no longer required"));
  }

  private static String name(String at) {
    return at.isEmpty() ? "the event" : at;
  }

  private static Set<String> required(JsonNode schema) {
    var names = new HashSet<String>();
    schema.path("required").forEach(name -> names.add(name.asString()));
    return names;
  }

  private static List<String> successorOf(String type) throws IOException {
    var dot = type.lastIndexOf(".v");
    var base = type.substring(0, dot);
    int version = Integer.parseInt(type.substring(dot + 2));
    return currentTypes()
        .filter(name -> name.startsWith(base + ".v"))
        .filter(name -> Integer.parseInt(name.substring(base.length() + 2)) > version)
        .toList();
  }

  private static JsonNode schema(String properties, String required) {
    return JSON.readTree("{\"properties\":" + properties + ",\"required\":" + required + "}");
  }

  private static JsonNode read(Path file) {
    return JSON.readTree(file.toFile());
  }

  private static Stream<String> schemaNames(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (var files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".schema.json"))
          .map(name -> name.substring(0, name.length() - ".schema.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }
}
