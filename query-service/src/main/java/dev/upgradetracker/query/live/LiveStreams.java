package dev.upgradetracker.query.live;

import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.streams.ViewsTopology;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for dashboards: a subscriber to a cluster, a campaign or a team first gets the
 * view's current state, then every change. Each event's id is the view's position; after a
 * reconnect with {@code Last-Event-ID} only a newer state is sent. Browsers pass the token as
 * {@code access_token} (an EventSource cannot send headers).
 */
@RestController
@RequestMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
class LiveStreams {

  private final InstanceRouter router;
  private final LiveSessions sessions;

  LiveStreams(InstanceRouter router, LiveSessions sessions) {
    this.router = router;
    this.sessions = sessions;
  }

  @GetMapping("/clusters/{clusterId}")
  SseEmitter cluster(
      @PathVariable String clusterId,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      @RequestParam(name = "access_token", required = false) String token,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return keyed(
        "cluster",
        clusterId,
        ViewsTopology.CLUSTER_VIEWS,
        "/api/clusters/" + clusterId,
        lastEventId,
        bearer(authorization, token));
  }

  @GetMapping("/campaigns/{campaignId}")
  SseEmitter campaign(
      @PathVariable String campaignId,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      @RequestParam(name = "access_token", required = false) String token,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return keyed(
        "campaign",
        campaignId,
        ViewsTopology.CAMPAIGN_VIEWS,
        "/api/campaigns/" + campaignId,
        lastEventId,
        bearer(authorization, token));
  }

  @GetMapping("/teams/{team}")
  SseEmitter team(
      @PathVariable String team,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      @RequestParam(name = "access_token", required = false) String token,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return keyed(
        "team",
        team,
        ViewsTopology.TEAM_SUMMARIES,
        "/api/teams/" + team,
        lastEventId,
        bearer(authorization, token));
  }

  /** Every team summary and campaign change: the fleet overview's feed. */
  @GetMapping("/fleet")
  SseEmitter fleet() {
    return sessions.open(ChangeFeed.FLEET, -1, Optional.empty());
  }

  private SseEmitter keyed(
      String kind, String key, String store, String path, Long lastEventId, String bearer) {
    long after = lastEventId == null ? -1 : lastEventId;
    return sessions.open(
        ViewChange.subject(kind, key),
        after,
        Optional.of(() -> router.current(store, key, path, bearer).orElse(null)));
  }

  private static String bearer(String authorization, String token) {
    return authorization != null ? authorization : "Bearer " + token;
  }

  @Scheduled(fixedRate = 15_000)
  void keepAlive() {
    sessions.keepAlive();
  }
}
