package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterInventoryUpdated;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.VmHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type's JSON, frozen in {@code src/test/resources/golden}: what was once written must
 * keep reading, and the current JSON form must not drift unnoticed. A new event type or version
 * needs a new fixture: run once with {@code -Dgolden.write=true} to write the missing ones.
 */
class GoldenFixturesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean WRITE_MISSING = Boolean.getBoolean("golden.write");

  static Stream<Arguments> events() {
    return Samples.events().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> actions() {
    return Samples.actions().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void everyEventTypeHasAGoldenFixture() {
    var names =
        Arrays.stream(ClusterEvent.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();
    assertThat(Samples.events().keySet()).containsExactlyInAnyOrderElementsOf(names);
    var kinds =
        Arrays.stream(HostAction.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();
    assertThat(Samples.actions().keySet()).containsExactlyInAnyOrderElementsOf(kinds);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void eachEventReadsFromItsFixtureAndWritesItBack(String typeName, ClusterEvent sample)
      throws IOException {
    var fixture = fixture(typeName + ".json", envelope(sample));

    var read = JsonSerde.envelopes().deserialize("t", Files.readAllBytes(fixture));

    assertThat(read.event()).isEqualTo(sample);
    assertThat(Json.MAPPER.readTree(JsonSerde.envelopes().serialize("t", read)))
        .isEqualTo(Json.MAPPER.readTree(fixture.toFile()));
  }

  static Stream<Arguments> campaignEvents() {
    return Samples.campaignEvents().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void everyCampaignEventTypeHasAGoldenFixture() {
    var names =
        Arrays.stream(CampaignEvent.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();
    assertThat(Samples.campaignEvents().keySet()).containsExactlyInAnyOrderElementsOf(names);
  }

  /** Campaign events live in the event store only; their stored JSON must keep reading too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("campaignEvents")
  void eachCampaignEventReadsFromItsFixtureAndWritesItBack(String typeName, CampaignEvent sample)
      throws IOException {
    var fixture = fixture(typeName + ".json", sample);

    var read = Json.MAPPER.readValue(fixture.toFile(), CampaignEvent.class);

    assertThat(read).isEqualTo(sample);
    assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(read)))
        .isEqualTo(Json.MAPPER.readTree(fixture.toFile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void eachHostActionReadsFromItsFixture(String kind, HostAction sample) throws IOException {
    var fixture = fixture("HostAction." + kind + ".json", sample);

    assertThat(Json.MAPPER.readValue(fixture.toFile(), HostAction.class)).isEqualTo(sample);
  }

  /**
   * The upcaster example: a ClusterRegistered written before v2 still reads, with v2's defaults.
   */
  @Test
  void aClusterRegisteredV1StillReadsAsTheCurrentVersion() throws IOException {
    var read =
        JsonSerde.envelopes()
            .deserialize("t", Files.readAllBytes(GOLDEN.resolve("ClusterRegistered.v1.json")));

    var registered = (ClusterRegistered) read.event();
    assertThat(registered.clusterLock()).isFalse();
    assertThat(registered.packages()).isEmpty();
    assertThat(registered.hosts()).extracting(h -> h.name()).containsExactly("h1", "h2");
    assertThat(registered.guests()).hasSize(3);
  }

  /** v3 names the site and each host's depot: a v2 registration reads with neither. */
  @Test
  void aClusterRegisteredV2ReadsAsV3WithNoSiteAndNoDepots() throws IOException {
    var read =
        JsonSerde.envelopes()
            .deserialize("t", Files.readAllBytes(GOLDEN.resolve("ClusterRegistered.v2.json")));

    var registered = (ClusterRegistered) read.event();
    assertThat(registered.site()).isNull();
    assertThat(registered.hosts()).extracting(VmHost::depot).containsOnlyNulls();
    assertThat(registered.clusterLock()).isTrue();
    assertThat(registered.packages())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("p1"));
  }

  /** Upgrade slots added an optional field: a step authorized before them held no slot. */
  @Test
  void aStepAuthorizedWrittenBeforeUpgradeSlotsReadsWithNoNodeSlotted() throws IOException {
    var read =
        Json.MAPPER.readValue(
            GOLDEN.resolve("StepAuthorized.v1.before-upgrade-slots.json").toFile(),
            CampaignEvent.class);

    var authorized = (CampaignEvent.StepAuthorized) read;
    assertThat(authorized.slottedHosts()).isEmpty();
    assertThat(authorized.approvedHosts()).containsExactly("h2");
  }

  /** Progress by steps added an optional count: a step finished before it counted none. */
  @Test
  void aStepFinishedOrCompletedWrittenBeforeStepsWereCountedReadsWithNoCount() throws IOException {
    var finished =
        JsonSerde.envelopes()
            .deserialize(
                "t",
                Files.readAllBytes(
                    GOLDEN.resolve("CampaignStepFinished.v1.before-steps-left.json")));
    var completed =
        Json.MAPPER.readValue(
            GOLDEN.resolve("StepCompleted.v1.before-steps-left.json").toFile(),
            CampaignEvent.class);

    assertThat(((CampaignStepFinished) finished.event()).stepsLeft()).isNull();
    assertThat(((CampaignEvent.StepCompleted) completed).stepsLeft()).isNull();
    assertThat(((CampaignEvent.StepCompleted) completed).skipReason()).isNotBlank();
  }

  @Test
  void aClusterInventoryUpdatedV1ReadsAsV2WithNoSite() throws IOException {
    var read =
        JsonSerde.envelopes()
            .deserialize(
                "t", Files.readAllBytes(GOLDEN.resolve("ClusterInventoryUpdated.v1.json")));

    var updated = (ClusterInventoryUpdated) read.event();
    assertThat(updated.site()).isNull();
    assertThat(updated.hosts()).extracting(VmHost::name).containsExactly("h1", "h3");
  }

  /** The upcaster's steps follow each other: v1 reaches v3 through v2. */
  @Test
  void aClusterRegisteredV1ReadsAsV3() throws IOException {
    var read =
        JsonSerde.envelopes()
            .deserialize("t", Files.readAllBytes(GOLDEN.resolve("ClusterRegistered.v1.json")));

    assertThat(((ClusterRegistered) read.event()).site()).isNull();
  }

  private static EventEnvelope envelope(ClusterEvent event) {
    return new EventEnvelope(
        "7f3c2a4e-1b5d-4c8e-9a0f-2d6b8e1c3a57",
        event.clusterId(),
        7,
        Instant.parse("2026-11-25T10:15:30.123Z"),
        "alpha",
        "anna",
        null,
        "req-42",
        "cmd-9",
        event,
        null,
        null);
  }

  private static Path fixture(String name, Object sample) throws IOException {
    var path = GOLDEN.resolve(name);
    if (!Files.exists(path) && WRITE_MISSING) {
      Files.writeString(
          path, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
    }
    assertThat(path)
        .as("golden fixture %s (write missing ones with -Dgolden.write=true)", name)
        .exists();
    return path;
  }
}
