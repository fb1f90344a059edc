package dev.upgradetracker.messaging.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The published contract of every event: the JSON Schema of its type ({@code
 * schemas/<type>.schema.json} from events-schema), checked with a JSON Schema validator as a reader
 * in another language would check it.
 */
public final class EventContract {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

  private EventContract() {}

  /** Every current event type name, e.g. {@code GuestMoved.v1}, of both aggregates. */
  public static Set<String> eventTypes() {
    return Stream.of(ClusterEvent.class, CampaignEvent.class)
        .flatMap(events -> Arrays.stream(events.getAnnotation(JsonSubTypes.class).value()))
        .map(JsonSubTypes.Type::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** What breaks the contract in one event's JSON; empty when it keeps it. */
  public static List<String> problems(JsonNode event) {
    var type = event.path("type").asString("");
    var schema = SCHEMAS.computeIfAbsent(type, EventContract::load);
    if (schema.isEmpty()) {
      return List.of("no schema for event type '" + type + "'");
    }
    return schema.get().validate(event).stream().map(Error::toString).toList();
  }

  private static Optional<Schema> load(String type) {
    var resource = "/schemas/" + type + ".schema.json";
    try (var in = EventContract.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
