package dev.upgradetracker.query.live;

import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.web.BadQuery;
import dev.upgradetracker.web.Callers;
import java.util.Map;
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

  /** What can be followed: the path's collection, the change kind and the view's store. */
  private record Followed(String kind, String store) {}

  private static final Map<String, Followed> FOLLOWED =
      Map.of(
          "clusters", new Followed("cluster", ClusterView.STORE),
          "campaigns", new Followed("campaign", CampaignProgress.STORE),
          "teams", new Followed("team", TeamSummary.STORE));

  private final InstanceRouter router;
  private final LiveSessions sessions;

  LiveStreams(InstanceRouter router, LiveSessions sessions) {
    this.router = router;
    this.sessions = sessions;
  }

  /** Every team summary and campaign change: the fleet overview's feed. */
  @GetMapping("/fleet")
  SseEmitter fleet() {
    return sessions.open(Callers.current().user(), ChangeFeed.FLEET, -1, Optional.empty());
  }

  /** {@code /api/live/clusters/{id}}, {@code /campaigns/{id}} or {@code /teams/{team}}. */
  @GetMapping("/{collection}/{key}")
  SseEmitter follow(
      @PathVariable String collection,
      @PathVariable String key,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      @RequestParam(name = "access_token", required = false) String token,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    var followed = FOLLOWED.get(collection);
    if (followed == null) {
      throw new BadQuery(
          "live streams follow clusters, campaigns or teams, not '" + collection + "'");
    }
    var bearer = authorization != null ? authorization : "Bearer " + token;
    var path = "/api/" + collection + "/" + key;
    return sessions.open(
        Callers.current().user(),
        ViewChange.subject(followed.kind(), key),
        lastEventId == null ? -1 : lastEventId,
        Optional.of(() -> router.current(followed.store(), key, path, bearer).orElse(null)));
  }

  @Scheduled(fixedRate = 15_000)
  void keepAlive() {
    sessions.keepAlive();
  }
}
