package dev.upgradetracker.query.history;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.web.BadQuery;
import dev.upgradetracker.query.web.Page;
import dev.upgradetracker.query.web.QueryProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Audit histories over HTTP: a cluster's (optionally one host's), a campaign's (its own events and
 * its clusters' events while attached to it), and fleet-wide by team, campaign, cluster, host and
 * time range. Paged; JSON, or CSV with {@code format=csv}.
 */
@RestController
class HistoryQueries {

  private static final Comparator<HistoryEntry> BY_POSITION =
      Comparator.comparingLong(HistoryEntry::position);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final HistoryReader reader;
  private final InstanceRouter router;

  HistoryQueries(HistoryReader reader, InstanceRouter router) {
    this.reader = reader;
    this.router = router;
  }

  @GetMapping("/api/clusters/{clusterId}/history")
  ResponseEntity<?> cluster(
      @PathVariable String clusterId,
      @RequestParam(required = false) String host,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest request) {
    var filter = HistoryFilter.of(null, campaign, clusterId, host, from, to);
    return router.byKey(
        HistoryIndex.CLUSTER_HISTORY,
        clusterId,
        request,
        () -> {
          var length = reader.length(clusterId);
          if (length == 0) {
            return QueryProblems.notFound("cluster " + clusterId);
          }
          if (!filter.allOfACluster()) {
            var matches = reader.cluster(clusterId, filter);
            return answer(Page.of(matches, BY_POSITION, page, size), format, clusterId);
          }
          Page.check(page, size);
          var items = reader.slice(clusterId, (long) page * size, size);
          return answer(new Page<>(items, (int) length, page, size), format, clusterId);
        });
  }

  @GetMapping("/api/campaigns/{campaignId}/history")
  ResponseEntity<?> campaign(
      @PathVariable String campaignId,
      @RequestParam(required = false) String host,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest request) {
    var since = from != null ? from : startOf(campaignId, request);
    var filter = HistoryFilter.of(null, campaignId, cluster, host, since, to);
    var slice = timeOrdered(filter, after, size, request);
    if (slice.isEmpty()) {
      return forwarded(filter, after, size);
    }
    if (slice.get().items().isEmpty()
        && host == null
        && cluster == null
        && from == null
        && to == null
        && after == null) {
      return QueryProblems.notFound("campaign " + campaignId);
    }
    return answer(slice.get(), format, campaignId);
  }

  @GetMapping("/api/history")
  ResponseEntity<?> fleet(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String host,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest request) {
    var filter = HistoryFilter.of(team, campaign, cluster, host, from, to);
    var slice = timeOrdered(filter, after, size, request);
    return slice.isEmpty() ? forwarded(filter, after, size) : answer(slice.get(), format, "fleet");
  }

  /**
   * A page of a time-ordered history, gathered from every instance: each sends its first {@code
   * size + 1} matches after the cursor, the first {@code size} of all are the page. Empty for a
   * forwarded request, which gets this instance's matches only.
   */
  private Optional<HistorySlice> timeOrdered(
      HistoryFilter filter, String after, int size, HttpServletRequest request) {
    Page.check(0, size);
    var cursor = HistoryKeys.timeKeyOfCursor(after);
    if (InstanceRouter.forwarded(request)) {
      return Optional.empty();
    }
    var all =
        router.gather(request, () -> reader.fleet(filter, cursor, size + 1), HistoryEntry[].class);
    var sorted = all.stream().sorted(HistoryEntry.IN_TIME_ORDER).toList();
    var items = sorted.subList(0, Math.min(size, sorted.size()));
    var next = sorted.size() > size ? HistoryKeys.cursorAfter(items.getLast()) : null;
    return Optional.of(new HistorySlice(items, size, next));
  }

  private ResponseEntity<?> forwarded(HistoryFilter filter, String after, int size) {
    return ResponseEntity.ok(reader.fleet(filter, HistoryKeys.timeKeyOfCursor(after), size + 1));
  }

  /**
   * When the campaign started, so that its history is read from there on rather than from the
   * fleet's beginning; null when its view is not there (yet): everything is read then.
   */
  private String startOf(String campaignId, HttpServletRequest request) {
    return router
        .current(
            CampaignProgress.STORE,
            campaignId,
            "/api/campaigns/" + campaignId,
            request.getHeader(HttpHeaders.AUTHORIZATION))
        .map(view -> Json.MAPPER.readTree(view).path("startedAt"))
        .filter(JsonNode::isString)
        .map(JsonNode::asString)
        .orElse(null);
  }

  private static ResponseEntity<?> answer(Page<HistoryEntry> paged, String format, String name) {
    return respond(paged, paged.items(), paged.total(), null, paged.page(), format, name);
  }

  private static ResponseEntity<?> answer(HistorySlice slice, String format, String name) {
    return respond(slice, slice.items(), null, slice.next(), null, format, name);
  }

  /** JSON as it is; CSV with the count or the next cursor as headers. */
  private static ResponseEntity<?> respond(
      Object json,
      List<HistoryEntry> items,
      Integer total,
      String next,
      Integer page,
      String format,
      String name) {
    return switch (format) {
      case "json" -> ResponseEntity.ok(json);
      case "csv" -> {
        var csv =
            ResponseEntity.ok()
                .contentType(CSV)
                .header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\""
                        + name
                        + "-history"
                        + (page == null ? "" : "-" + page)
                        + ".csv\"");
        if (total != null) {
          csv.header("X-Total-Count", total.toString());
        }
        if (next != null) {
          csv.header("X-Next", next);
        }
        yield csv.body(HistoryCsv.of(items));
      }
      default -> throw new BadQuery("format must be json or csv, not '" + format + "'");
    };
  }
}
