package dev.upgradetracker.query.cluster;

import dev.upgradetracker.query.streams.ViewsNotReady;
import dev.upgradetracker.query.streams.ViewsRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cluster views over HTTP, answered from the local Kafka Streams store. */
@RestController
@RequestMapping("/api/clusters")
class ClusterQueries {

  private static final Duration POLL = Duration.ofMillis(5);

  private final ViewsRunner views;
  private final Duration positionWait;

  ClusterQueries(
      ViewsRunner views,
      @Value("${upgrade-tracker.views.position-wait:5s}") Duration positionWait) {
    this.views = views;
    this.positionWait = positionWait;
  }

  @GetMapping
  List<ClusterView> all() {
    var all = new ArrayList<ClusterView>();
    try (var iterator = views.clusterStore().all()) {
      iterator.forEachRemaining(entry -> all.add(entry.value));
    }
    all.sort(Comparator.comparing(ClusterView::clusterId));
    return all;
  }

  /**
   * With {@code position} (from a command's answer), answers only once the view has folded the
   * cluster's events up to it: a client reads its own write. Past the bounded wait: 503.
   */
  @GetMapping("/{clusterId}")
  ResponseEntity<?> one(
      @PathVariable String clusterId, @RequestParam(required = false) Long position)
      throws InterruptedException {
    long deadline = System.nanoTime() + positionWait.toNanos();
    var view = views.cluster(clusterId);
    while (position != null && !reached(view, position) && System.nanoTime() < deadline) {
      Thread.sleep(POLL);
      view = views.cluster(clusterId);
    }
    if (position != null && !reached(view, position)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "the view of cluster "
                      + clusterId
                      + " is at position "
                      + view.map(ClusterView::lastSequence).orElse(-1L)
                      + ", not yet at "
                      + position
                      + "; retry shortly"));
    }
    return view.<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "cluster " + clusterId + " does not exist")));
  }

  private static boolean reached(Optional<ClusterView> view, long position) {
    return view.isPresent() && view.get().lastSequence() >= position;
  }

  @ExceptionHandler(ViewsNotReady.class)
  ResponseEntity<ProblemDetail> notReady(ViewsNotReady e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
  }
}
