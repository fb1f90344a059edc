package dev.upgradetracker.messaging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings the JSON of an event written under an older version of its type up to the current one,
 * before it is read into a record. Each step names the version it reads.
 */
public final class EventUpcaster {

  private EventUpcaster() {}

  /** Upcasts one event object (the {@code event} of an envelope) in place and returns it. */
  public static JsonNode upcast(JsonNode event) {
    if (event instanceof ObjectNode object && object.has("type")) {
      switch (object.get("type").asString()) {
        // v2 added the cluster lock (R6) and the application packages of guests-as-nodes clusters
        case "ClusterRegistered.v1" -> {
          object.put("type", "ClusterRegistered.v2");
          object.put("clusterLock", false);
          object.putArray("packages");
        }
        default -> {}
      }
    }
    return event;
  }
}
