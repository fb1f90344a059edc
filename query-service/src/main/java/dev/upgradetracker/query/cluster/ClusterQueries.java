package dev.upgradetracker.query.cluster;

import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.streams.ViewsRunner;
import dev.upgradetracker.query.web.Page;
import dev.upgradetracker.query.web.QueryProblems;
import dev.upgradetracker.query.web.ReadYourWrites;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cluster views over HTTP, from whichever instance holds them. */
@RestController
@RequestMapping("/api/clusters")
class ClusterQueries {

  private final ViewsRunner views;
  private final InstanceRouter router;
  private final ReadYourWrites readYourWrites;

  ClusterQueries(ViewsRunner views, InstanceRouter router, ReadYourWrites readYourWrites) {
    this.views = views;
    this.router = router;
    this.readYourWrites = readYourWrites;
  }

  /** The fleet, filtered by team and phase, a page at a time, ordered by cluster id. */
  @GetMapping
  Object list(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) ClusterPhase phase,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      HttpServletRequest request) {
    return router.<ClusterView, ClusterSummary>page(
        request,
        ClusterView.STORE,
        view ->
            (team == null || team.equals(view.team()))
                && (phase == null || phase == view.progress().phase()),
        ClusterSummary::of,
        ClusterSummary[].class,
        Comparator.comparing(ClusterSummary::clusterId),
        page,
        size);
  }

  /**
   * With {@code position} (from a command's answer), answers only once the view has folded the
   * cluster's events up to it: a client reads its own write. Past the bounded wait: 503. The ETag
   * is the cluster's version the view shows: sent back as {@code If-Match} with a command, the
   * command side refuses the command if the cluster has changed since.
   */
  @GetMapping("/{clusterId}")
  ResponseEntity<?> one(
      @PathVariable String clusterId,
      @RequestParam(required = false) Long position,
      @RequestParam(defaultValue = "0") int guestPage,
      @RequestParam(defaultValue = "" + Page.MAX_SIZE) int guestSize,
      HttpServletRequest request) {
    Page.check("guestPage", guestPage, "guestSize", guestSize);
    return router.byKey(
        ClusterView.STORE,
        clusterId,
        request,
        () -> local(clusterId, position, guestPage, guestSize));
  }

  /** The cluster's latest events, newest last. */
  @GetMapping("/{clusterId}/activity")
  ResponseEntity<?> activity(@PathVariable String clusterId, HttpServletRequest request) {
    return router.byKey(
        ClusterView.STORE,
        clusterId,
        request,
        () ->
            find(clusterId)
                .<ResponseEntity<?>>map(view -> ResponseEntity.ok(view.activity()))
                .orElseGet(() -> QueryProblems.notFound("cluster " + clusterId)));
  }

  private ResponseEntity<?> local(String clusterId, Long position, int guestPage, int guestSize) {
    return readYourWrites.answer(
        "cluster",
        ClusterView.STORE,
        clusterId,
        position,
        () -> find(clusterId),
        ClusterView::lastSequence,
        found -> ClusterViewPage.of(found, guestPage, guestSize));
  }

  /** The cluster's view; empty when no such cluster; throws while the views are not ready. */
  private Optional<ClusterView> find(String clusterId) {
    return Optional.ofNullable(views.<ClusterView>store(ClusterView.STORE).get(clusterId));
  }
}
