package dev.upgradetracker.messaging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings the JSON of an event written under an older version of its type up to the current one,
 * before it is read into a record. Each step names the version it reads and writes the next; steps
 * follow each other until the current version is reached.
 */
public final class EventUpcaster {

  private EventUpcaster() {}

  /** Upcasts one event object (the {@code event} of an envelope) in place and returns it. */
  public static JsonNode upcast(JsonNode event) {
    if (event instanceof ObjectNode object && object.has("type")) {
      for (var type = ""; !type.equals(object.get("type").asString()); ) {
        type = object.get("type").asString();
        step(object, type);
      }
    }
    return event;
  }

  private static void step(ObjectNode event, String type) {
    switch (type) {
      // v2 added the cluster lock (R6) and the application packages of guests-as-nodes clusters
      case "ClusterRegistered.v1" -> {
        event.put("type", "ClusterRegistered.v2");
        event.put("clusterLock", false);
        event.putArray("packages");
      }
      // v3 names the cluster's site (null: the fleet did not say) beside each host's depot (absent:
      // the executor's default); what was written before knew neither
      case "ClusterRegistered.v2" -> {
        event.put("type", "ClusterRegistered.v3");
        event.putNull("site");
      }
      case "ClusterInventoryUpdated.v1" -> {
        event.put("type", "ClusterInventoryUpdated.v2");
        event.putNull("site");
      }
      default -> {}
    }
  }
}
