package dev.upgradetracker.query.cluster;

import dev.upgradetracker.query.streams.ViewsNotReady;
import dev.upgradetracker.query.streams.ViewsRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cluster views over HTTP, answered from the local Kafka Streams store. */
@RestController
@RequestMapping("/api/clusters")
class ClusterQueries {

  private final ViewsRunner views;

  ClusterQueries(ViewsRunner views) {
    this.views = views;
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

  @GetMapping("/{clusterId}")
  ResponseEntity<?> one(@PathVariable String clusterId) {
    return views
        .cluster(clusterId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "cluster " + clusterId + " does not exist")));
  }

  @ExceptionHandler(ViewsNotReady.class)
  ResponseEntity<ProblemDetail> notReady(ViewsNotReady e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
  }
}
