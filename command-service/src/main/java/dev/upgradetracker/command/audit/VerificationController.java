package dev.upgradetracker.command.audit;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.fleet.Bounds;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence over HTTP: teams and auditors check the stored hash chains, and every stored head
 * against the copy published on Kafka.
 */
@RestController
class VerificationController {

  private static final Duration MAX_GRACE = Duration.ofDays(1);

  /** A cluster's or campaign's id, or a host's aggregate ({@code host:<name>}). */
  private static final String AGGREGATE_ID = "(host:)?" + Bounds.NAME;

  private final ChainVerifier verifier;
  private final PublishedHeads publishedHeads;
  private final Clock clock = Clock.systemUTC();

  VerificationController(ChainVerifier verifier, PublishedHeads publishedHeads) {
    this.verifier = verifier;
    this.publishedHeads = publishedHeads;
  }

  @GetMapping("/api/clusters/{clusterId}/verification")
  ChainReport cluster(@PathVariable String clusterId) {
    return verifier.verify(clusterId).orElseThrow(() -> new NotFound("cluster", clusterId));
  }

  @GetMapping("/api/campaigns/{campaignId}/verification")
  ChainReport campaign(@PathVariable String campaignId) {
    return verifier.verify(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
  }

  /**
   * Every aggregate (or only {@code aggregate}), its chain checked and its head compared with
   * Kafka; a head not on Kafka {@code publishGrace} after it was stored is NOT PUBLISHED.
   */
  @GetMapping("/api/verification")
  FleetVerification everything(
      @RequestParam(required = false) String aggregate,
      @RequestParam(defaultValue = "PT1M") String publishGrace) {
    var grace = grace(publishGrace);
    if (aggregate != null && !aggregate.matches(AGGREGATE_ID)) {
      throw new InvalidInput("aggregate", "a cluster's or campaign's id, or host:<name>");
    }
    var chains =
        verifier.verifyAll(aggregate == null ? verifier.storedAggregates() : List.of(aggregate));
    if (aggregate != null && chains.heads().isEmpty()) {
      throw new NotFound("aggregate", aggregate);
    }
    var published = publishedHeads.read();
    if (aggregate != null) {
      var copy = published.get(aggregate);
      published = copy == null ? Map.of() : Map.of(aggregate, copy);
    }
    return FleetVerification.of(
        chains, HeadComparison.of(chains.heads(), published, clock.instant(), grace));
  }

  private static Duration grace(String text) {
    try {
      var grace = Duration.parse(text);
      if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
        throw new InvalidInput("publishGrace", "between PT0S and " + MAX_GRACE);
      }
      return grace;
    } catch (DateTimeParseException e) {
      throw new InvalidInput("publishGrace", "an ISO-8601 duration such as PT1M, not " + text);
    }
  }
}
