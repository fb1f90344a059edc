package dev.upgradetracker.query.activity;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.messaging.Json;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Renders an event as one line of an activity feed from its JSON form: every event type reads the
 * same way ({@code GuestMoved guest=g1 fromHost=h1 toHost=h2}) with no per-type code to keep in
 * step with the contract.
 */
public final class ActivitySummary {

  static final int MAX_LENGTH = 240;
  private static final Set<String> IMPLIED = Set.of("type", "clusterId", "campaignId");

  private ActivitySummary() {}

  public static ActivityEntry of(EventEnvelope envelope) {
    JsonNode event = Json.MAPPER.valueToTree(envelope.event());
    return new ActivityEntry(
        envelope.clusterId(),
        envelope.sequence(),
        envelope.timestamp(),
        envelope.team(),
        envelope.user(),
        type(event),
        line(event));
  }

  /** The event's type name without its version: {@code GuestMoved}. */
  public static String type(JsonNode event) {
    return event.path("type").asString("").replaceFirst("\\.v\\d+$", "");
  }

  /** Any event's JSON form (cluster or campaign) as one line. */
  public static String line(JsonNode event) {
    return cut(type(event) + fields(event));
  }

  private static String fields(JsonNode event) {
    var parts = new ArrayList<String>();
    for (var property : event.properties()) {
      if (!IMPLIED.contains(property.getKey())) {
        var value = render(property.getValue());
        if (!value.isEmpty()) {
          parts.add(property.getKey() + "=" + value);
        }
      }
    }
    return parts.isEmpty() ? "" : " " + String.join(" ", parts);
  }

  /** Scalars as they are, lists of scalars joined, objects by their type, status and exit code. */
  private static String render(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isValueNode()) {
      return value.asString();
    }
    if (value.isArray()) {
      return value
          .valueStream()
          .filter(JsonNode::isValueNode)
          .map(JsonNode::asString)
          .collect(Collectors.joining(","));
    }
    var parts = new ArrayList<String>();
    for (var key : new String[] {"type", "status", "exitCode"}) {
      if (value.has(key)) {
        parts.add(value.get(key).asString());
      }
    }
    return String.join("/", parts);
  }

  private static String cut(String line) {
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }
}
