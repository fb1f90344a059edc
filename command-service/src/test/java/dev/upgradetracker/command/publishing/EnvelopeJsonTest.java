package dev.upgradetracker.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.audit.EventHash;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class EnvelopeJsonTest {

  private static final Instant STORED_AT = Instant.parse("2026-12-04T23:59:58.123456Z");

  @Test
  void writesAClusterEventsEnvelopeAsItsRecordDoesAroundTheStoredJson() {
    var event = Samples.events().get("HostActionRequested.v1");
    var metaData = everyKey();

    var published = EnvelopeJson.of("clusterId", stored("c1", 7, event, metaData), json(event));

    assertThat(tree(published))
        .isEqualTo(
            tree(
                new EventEnvelope(
                    "e-7",
                    "c1",
                    7,
                    STORED_AT,
                    "alpha",
                    "campaign-driver",
                    "anna",
                    "campaign-1",
                    "command-9",
                    event,
                    "previous",
                    "this")));
    assertThat(JsonSerde.envelopes().deserialize("t", published).event()).isEqualTo(event);
  }

  @Test
  void leavesOutWhatTheRecordLeavesOutAndWritesNullWhereItWritesNull() {
    var event = Samples.campaignEvents().get("CampaignPaused.v1");
    var metaData = Map.<String, Object>of(TraceKeys.TEAM, "alpha");

    var published = EnvelopeJson.of("campaignId", stored("k1", 0, event, metaData), json(event));

    assertThat(tree(published))
        .isEqualTo(
            tree(
                new CampaignEnvelope(
                    "e-0", "k1", 0, STORED_AT, "alpha", null, null, null, null, event, null,
                    null)));
    assertThat(tree(published).has("onBehalfOf")).isFalse();
    assertThat(tree(published).get("user").isNull()).isTrue();
  }

  @Test
  void sendsAnEventStoredUnderAnOlderVersionAsStoredForItsReadersToUpcast() throws IOException {
    var event = Samples.events().get("ClusterInventoryUpdated.v2");
    byte[] olderJson;
    try (var golden = getClass().getResourceAsStream("/golden/ClusterInventoryUpdated.v1.json")) {
      olderJson = json(Json.MAPPER.readTree(golden).get("event"));
    }

    var published = EnvelopeJson.of("clusterId", stored("c1", 3, event, Map.of()), olderJson);

    assertThat(tree(published).get("event")).isEqualTo(Json.MAPPER.readTree(olderJson));
    assertThat(JsonSerde.envelopes().deserialize("t", published).event())
        .isInstanceOf(ClusterEvent.ClusterInventoryUpdated.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "not json", "[1,2]", "\"text\"", "{\"type\":\"GuestMoved.v1\"", "{} {}"})
  void refusesAStoredEventNoReaderCouldParse(String damaged) {
    var event = Samples.events().get("GuestMoved.v1");

    assertThatThrownBy(
            () ->
                EnvelopeJson.of(
                    "clusterId",
                    stored("c1", 1, event, Map.of()),
                    damaged.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfAny(JacksonException.class, IllegalArgumentException.class);
  }

  private static Map<String, Object> everyKey() {
    var metaData = new HashMap<String, Object>();
    metaData.put(TraceKeys.TEAM, "alpha");
    metaData.put(TraceKeys.USER, "campaign-driver");
    metaData.put(TraceKeys.ON_BEHALF_OF, "anna");
    metaData.put(TraceKeys.CORRELATION_ID, "campaign-1");
    metaData.put(TraceKeys.CAUSATION_ID, "command-9");
    metaData.put(EventHash.PREVIOUS_HASH, "previous");
    metaData.put(EventHash.HASH, "this");
    return metaData;
  }

  private static GenericDomainEventMessage<Object> stored(
      String aggregateId, long sequence, Object event, Map<String, Object> metaData) {
    return new GenericDomainEventMessage<>(
        "Aggregate", aggregateId, sequence, event, metaData, "e-" + sequence, STORED_AT);
  }

  private static byte[] json(Object value) {
    return Json.MAPPER.writeValueAsBytes(value);
  }

  private static JsonNode tree(Object value) {
    return Json.MAPPER.readTree(value instanceof byte[] bytes ? bytes : json(value));
  }
}
