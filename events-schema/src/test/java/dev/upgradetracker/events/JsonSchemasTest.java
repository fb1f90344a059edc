package dev.upgradetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema of every event, for readers that are not Java, kept in {@code
 * src/main/resources/schemas} and generated from the records. A change to an event that is not
 * reflected there fails here; {@code -Dschemas.write=true} rewrites the files.
 */
class JsonSchemasTest {

  private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

  /**
   * Every field is required and never null, but those marked {@link Nullable}: they may be null or
   * left out. Added fields stay allowed (readers are tolerant).
   */
  private static SchemaGeneratorConfig config() {
    var builder =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED));
    builder
        .forFields()
        .withRequiredCheck(field -> !isNullable(field))
        .withNullableCheck(JsonSchemasTest::isNullable);
    return builder.build();
  }

  private static boolean isNullable(FieldScope field) {
    return field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null;
  }

  static Stream<JsonSubTypes.Type> eventTypes() {
    return Stream.of(ClusterEvent.class, CampaignEvent.class)
        .flatMap(events -> Arrays.stream(events.getAnnotation(JsonSubTypes.class).value()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void theCheckedInSchemaMatchesTheEventRecord(JsonSubTypes.Type type) throws IOException {
    var schema = GENERATOR.generateSchema(type.value());
    schema.put("$id", "urn:upgrade-tracker:event:" + type.name());
    schema.put("title", type.name());
    var properties = schema.withObject("properties");
    properties.putObject("type").put("const", type.name());
    var file = SCHEMAS.resolve(type.name() + ".schema.json");
    var expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    if (Boolean.getBoolean("schemas.write")) {
      Files.createDirectories(SCHEMAS);
      Files.writeString(file, expected);
    }

    assertThat(file)
        .as("schema file for %s (rewrite with -Dschemas.write=true)", type.name())
        .exists();
    assertThat(JSON.readTree(file.toFile())).isEqualTo(JSON.readTree(expected));
  }
}
