package dev.upgradetracker.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadComparisonTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final String LONG_AGO = "2026-12-01T11:00:00Z";
  private static final String JUST_NOW = "2026-12-01T11:59:50Z";

  private final List<FleetVerification.Head> stored = new ArrayList<>();
  private final Map<String, PublishedHead> copies = new HashMap<>();

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
  void aCampaignIsComparedLikeACluster() {
    stored("k1", "CampaignAggregate", 3, "h3", LONG_AGO);
    copy("k1", 2, "h2");

    assertThat(compare().problems())
        .containsExactly(
            "k1: NOT PUBLISHED since "
                + LONG_AGO
                + ": stored up to position 3, the copy on Kafka reaches position 2");
  }

  @Test
  void hostsAndAggregatesOnlyOnKafkaAreNamedAsNotCompared() {
    stored("host:h1", "HostAggregate", 0, "y", LONG_AGO);
    copy("forged", 0, "z");

    var comparison = compare();

    assertThat(comparison.ok()).isTrue();
    assertThat(comparison.notCompared())
        .containsOnlyKeys(
            "hosts (host assignments are not published)",
            "on Kafka only (the store holds no event of them: forged, or removed from the store"
                + " whole)")
        .containsValues(List.of("host:h1"), List.of("forged"));
  }

  private HeadComparison compare() {
    return HeadComparison.of(stored, copies, NOW, GRACE);
  }

  private void stored(String id, String type, long position, String hash, String at) {
    stored.add(new FleetVerification.Head(id, type, position, hash, at));
  }

  private void copy(String id, long position, String hash) {
    copies.put(id, new PublishedHead(id, position, hash));
  }
}
