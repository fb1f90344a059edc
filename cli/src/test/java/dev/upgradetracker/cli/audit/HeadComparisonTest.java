package dev.upgradetracker.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.api.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;

class HeadComparisonTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final String LONG_AGO = "2026-12-01T11:00:00Z";
  private static final String JUST_NOW = "2026-12-01T11:59:50Z";

  private final ArrayNode stored = Api.JSON.createArrayNode();
  private final ArrayNode copies = Api.JSON.createArrayNode();

  @Test
  void aHeadEqualToItsCopyMatches() {
    stored("c1", "ClusterAggregate", 4, "h4", LONG_AGO);
    copy("c1", 4, "h4");

    var comparison = compare();

    assertThat(comparison.ok()).isTrue();
    assertThat(comparison.matching()).isEqualTo(1);
  }

  @Test
  void aClusterStoredButNeverPublishedIsNamedPastTheGrace() {
    stored("c1", "ClusterAggregate", 2, "h2", LONG_AGO);

    var comparison = compare();

    assertThat(comparison.ok()).isFalse();
    assertThat(comparison.problems())
        .containsExactly(
            "c1: NOT PUBLISHED since " + LONG_AGO + ": stored up to position 2, nothing on Kafka");
  }

  @Test
  void aClusterBehindOnKafkaWithinTheGraceIsInFlightNotAFailure() {
    stored("c1", "ClusterAggregate", 5, "h5", JUST_NOW);
    copy("c1", 4, "h4");

    var comparison = compare();

    assertThat(comparison.ok()).isTrue();
    assertThat(comparison.inFlight()).containsExactly("c1");
  }

  @Test
  void aStoreThatLostItsLastEventIsBrokenAtThatPosition() {
    stored("c1", "ClusterAggregate", 3, "h3", LONG_AGO);
    copy("c1", 4, "h4");

    var comparison = compare();

    assertThat(comparison.problems())
        .singleElement()
        .asString()
        .startsWith("c1: BROKEN at position 4: the store ends at position 3")
        .contains("the copy on Kafka reaches 4");
  }

  @Test
  void aHeadRewrittenConsistentlyDiffersFromItsCopy() {
    stored("c1", "ClusterAggregate", 4, "forged", LONG_AGO);
    copy("c1", 4, "h4");

    assertThat(compare().problems())
        .singleElement()
        .asString()
        .contains("DIFFERS from the copy on Kafka: stored forged, published h4");
  }

  @Test
  void aggregatesWithoutCopiesAreNamedByKind() {
    stored("k1", "CampaignAggregate", 1, "x", LONG_AGO);
    stored("host:h1", "HostAggregate", 0, "y", LONG_AGO);

    var comparison = compare();

    assertThat(comparison.ok()).isTrue();
    assertThat(comparison.notCompared().values())
        .containsExactly(List.of("k1"), List.of("host:h1"));
  }

  private HeadComparison compare() {
    return HeadComparison.of(stored, copies, NOW, GRACE);
  }

  private void stored(String id, String type, long position, String hash, String at) {
    stored
        .addObject()
        .put("aggregateId", id)
        .put("aggregateType", type)
        .put("position", position)
        .put("hash", hash)
        .put("at", at);
  }

  private void copy(String id, long position, String hash) {
    copies.addObject().put("clusterId", id).put("position", position).put("hash", hash);
  }
}
