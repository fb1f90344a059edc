package dev.upgradetracker.query.history;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.cluster.ClusterProjection;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.web.BadQuery;
import dev.upgradetracker.query.web.QueryProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time travel: a cluster's state as of any instant or position, rebuilt by replaying its history
 * through the same fold as the live view, and what changed between two such points.
 */
@RestController
class TimeTravel {

  /** The recent-events lists say what happened, not how things stood: the history tells that. */
  private static final Set<String> NOT_STATE = Set.of("activity", "actions", "lastSequence");

  private final HistoryReader reader;
  private final InstanceRouter router;

  TimeTravel(HistoryReader reader, InstanceRouter router) {
    this.reader = reader;
    this.router = router;
  }

  /** Exactly one of {@code at} (an ISO-8601 instant) and {@code position}. */
  @GetMapping("/api/clusters/{clusterId}/state")
  ResponseEntity<?> state(
      @PathVariable String clusterId,
      @RequestParam(required = false) String at,
      @RequestParam(required = false) Long position,
      HttpServletRequest request) {
    if ((at == null) == (position == null)) {
      throw new BadQuery("give either at (an ISO-8601 instant) or position, not both or neither");
    }
    var point = at != null ? at : position.toString();
    return router.byKey(
        HistoryIndex.CLUSTER_HISTORY,
        clusterId,
        request,
        () ->
            asOf(clusterId, reader.records(clusterId), point)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notThere(clusterId, point)));
  }

  /** {@code from} and {@code to}: each an ISO-8601 instant or a position. */
  @GetMapping("/api/clusters/{clusterId}/diff")
  ResponseEntity<?> diff(
      @PathVariable String clusterId,
      @RequestParam String from,
      @RequestParam String to,
      HttpServletRequest request) {
    return router.byKey(
        HistoryIndex.CLUSTER_HISTORY,
        clusterId,
        request,
        () -> {
          var records = reader.records(clusterId);
          var before = asOf(clusterId, records, from);
          var after = asOf(clusterId, records, to);
          if (before.isEmpty()) {
            return notThere(clusterId, from);
          }
          if (after.isEmpty()) {
            return notThere(clusterId, to);
          }
          return ResponseEntity.ok(
              new StateDiff(
                  clusterId,
                  new StateDiff.Point(before.get().asOf(), before.get().position()),
                  new StateDiff.Point(after.get().asOf(), after.get().position()),
                  JsonDiff.between(
                      Json.MAPPER.valueToTree(before.get().state()),
                      Json.MAPPER.valueToTree(after.get().state()),
                      NOT_STATE)));
        });
  }

  /** Empty when the cluster had no event yet at that point. */
  static Optional<StateAsOf> asOf(String clusterId, List<AuditRecord> records, String point) {
    var position = position(point);
    var instant = position == null ? HistoryFilter.instant("at", point) : null;
    var view = ClusterView.empty(clusterId);
    for (var record : records) {
      var envelope = record.envelope();
      if (position != null
          ? envelope.sequence() > position
          : envelope.timestamp().isAfter(instant)) {
        break;
      }
      view = ClusterProjection.apply(view, envelope);
    }
    if (view.lastSequence() < 0) {
      return Optional.empty();
    }
    Instant asOf = instant != null ? instant : view.lastEventAt();
    return Optional.of(new StateAsOf(clusterId, asOf, view.lastSequence(), view));
  }

  private static Long position(String point) {
    if (!point.chars().allMatch(Character::isDigit) || point.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(point);
    } catch (NumberFormatException e) {
      throw new BadQuery("position " + point + " is out of range");
    }
  }

  private static ResponseEntity<?> notThere(String clusterId, String point) {
    return QueryProblems.notFound("cluster " + clusterId + " as of " + point);
  }
}
