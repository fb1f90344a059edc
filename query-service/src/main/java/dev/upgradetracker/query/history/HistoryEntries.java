package dev.upgradetracker.query.history;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.activity.ActivitySummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders stored events as history entries. */
final class HistoryEntries {

  private HistoryEntries() {}

  static HistoryEntry of(AuditRecord record) {
    var envelope = record.envelope();
    JsonNode event = Json.MAPPER.valueToTree(envelope.event());
    return new HistoryEntry(
        HistoryKeys.CLUSTER,
        envelope.clusterId(),
        record.campaignId(),
        envelope.sequence(),
        envelope.eventId(),
        envelope.timestamp(),
        record.owner(),
        envelope.team(),
        envelope.user(),
        envelope.onBehalfOf(),
        envelope.correlationId(),
        envelope.causationId(),
        ActivitySummary.type(event),
        ActivitySummary.line(event),
        action(record, event),
        event,
        envelope.previousHash(),
        envelope.hash());
  }

  static HistoryEntry of(CampaignEnvelope envelope, String owner) {
    JsonNode event = Json.MAPPER.valueToTree(envelope.event());
    var clusterId = event.path("clusterId").asString(null);
    return new HistoryEntry(
        HistoryKeys.CAMPAIGN,
        clusterId,
        envelope.campaignId(),
        envelope.sequence(),
        envelope.eventId(),
        envelope.timestamp(),
        owner,
        envelope.team(),
        envelope.user(),
        envelope.onBehalfOf(),
        envelope.correlationId(),
        envelope.causationId(),
        ActivitySummary.type(event),
        ActivitySummary.line(event),
        null,
        event,
        envelope.previousHash(),
        envelope.hash());
  }

  private static ActionDetail action(AuditRecord record, JsonNode event) {
    return switch (record.envelope().event()) {
      case HostActionRequested requested ->
          new ActionDetail(
              requested.actionId(),
              requested.host(),
              ActivitySummary.line(retyped(event.path("action"))),
              "REQUESTED",
              null,
              null,
              null,
              null,
              null);
      case HostActionSucceeded succeeded ->
          finished(succeeded.actionId(), succeeded.host(), succeeded.outcome());
      case HostActionFailed failed -> finished(failed.actionId(), failed.host(), failed.outcome());
      default -> null;
    };
  }

  /** A host action's JSON names its kind under {@code kind}; the summary reads {@code type}. */
  private static JsonNode retyped(JsonNode action) {
    var copy = action.deepCopy();
    if (copy instanceof ObjectNode object && object.has("kind")) {
      object.set("type", object.remove("kind"));
    }
    return copy;
  }

  private static ActionDetail finished(String actionId, String host, ActionOutcome outcome) {
    return new ActionDetail(
        actionId,
        host,
        null,
        outcome.status().name(),
        outcome.exitCode(),
        outcome.durationMillis(),
        outcome.commandLines(),
        outcome.output(),
        outcome.hostKeyFingerprint());
  }
}
