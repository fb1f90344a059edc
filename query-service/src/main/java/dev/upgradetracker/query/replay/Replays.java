package dev.upgradetracker.query.replay;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.replay.ReplayReport.StoreComparison;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.streams.StreamsSettings;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.web.ReplayRunning;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Replay on demand: rebuilds every view from offset 0 into a fresh state directory beside the live
 * views, compares each rebuilt view with the live one (from whichever instance holds it) and keeps
 * the report. The live views go on serving throughout.
 */
@Component
class Replays {

  private static final Logger log = LoggerFactory.getLogger(Replays.class);
  private static final Duration PATIENCE = Duration.ofHours(1);

  private final StreamsSettings settings;
  private final InstanceRouter router;
  private final Map<String, ReplayReport> reports = new ConcurrentHashMap<>();
  private final AtomicReference<String> running = new AtomicReference<>();

  Replays(StreamsSettings settings, InstanceRouter router) {
    this.settings = settings;
    this.router = router;
  }

  ReplayReport start(String authorization) {
    var replayId = UUID.randomUUID().toString();
    if (!running.compareAndSet(null, replayId)) {
      throw new ReplayRunning(running.get());
    }
    var report = ReplayReport.running(replayId, Instant.now());
    reports.put(replayId, report);
    Thread.ofVirtual().name("replay-" + replayId).start(() -> run(report, authorization));
    return report;
  }

  Optional<ReplayReport> report(String replayId) {
    return Optional.ofNullable(reports.get(replayId));
  }

  /** The report says the replay ended only once another may start. */
  private void run(ReplayReport report, String authorization) {
    var stateDir = settings.stateDir().resolveSibling("replay-" + report.replayId());
    ReplayReport ended;
    try (var rebuild = ViewsRebuild.start(settings.connection(), settings.topics(), stateDir)) {
      rebuild.awaitCaughtUp(PATIENCE);
      var live = new LiveViews(authorization);
      var comparisons =
          List.of(
              LiveComparison.OF_A_REPLAY.compare(
                  rebuild.<ClusterView>contents(ClusterView.STORE),
                  ClusterView.STORE,
                  key ->
                      live.read(ClusterView.STORE, "/api/clusters/" + key, key, ClusterView.class),
                  (rebuilt, now) -> now.lastSequence() > rebuilt.lastSequence()),
              LiveComparison.OF_A_REPLAY.compare(
                  rebuild.<CampaignProgress>contents(CampaignProgress.STORE),
                  CampaignProgress.STORE,
                  key ->
                      live.read(
                          CampaignProgress.STORE,
                          "/api/campaigns/" + key,
                          key,
                          CampaignProgress.class),
                  (rebuilt, now) -> now.lastSequence() > rebuilt.lastSequence()),
              compareTeams(rebuild, live),
              compareActivity(rebuild, live));
      ended = report.done(comparisons, Instant.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = report.failed("interrupted", Instant.now());
    } catch (RuntimeException e) {
      log.warn("replay {} failed", report.replayId(), e);
      ended = report.failed(e.toString(), Instant.now());
    } finally {
      delete(stateDir);
      running.set(null);
    }
    reports.put(report.replayId(), ended);
  }

  /** Team summaries compare by content: their change counts depend on batching. */
  private StoreComparison compareTeams(ViewsRebuild rebuild, LiveViews live)
      throws InterruptedException {
    var rebuilt = new HashMap<String, TeamSummary>();
    rebuild
        .<TeamSummary>contents(TeamSummary.STORE)
        .forEach((team, summary) -> rebuilt.put(team, summary.withoutUpdateCount()));
    return LiveComparison.OF_A_REPLAY.compare(
        rebuilt,
        TeamSummary.STORE,
        key ->
            live.read(TeamSummary.STORE, "/api/teams/" + key, key, TeamSummary.class)
                .map(TeamSummary::withoutUpdateCount),
        (before, now) -> false);
  }

  /** A live feed whose latest event is newer than the rebuilt one's has moved on. */
  private StoreComparison compareActivity(ViewsRebuild rebuild, LiveViews live)
      throws InterruptedException {
    return LiveComparison.OF_A_REPLAY.compare(
        rebuild.<TeamActivity>contents(TeamActivity.STORE),
        TeamActivity.STORE,
        key ->
            live.read(
                TeamActivity.STORE, "/api/teams/" + key + "/activity", key, TeamActivity.class),
        (before, now) ->
            !now.entries().isEmpty()
                && !before.entries().isEmpty()
                && now.entries().getLast().at().isAfter(before.entries().getLast().at()));
  }

  /** The live views, each from the instance that holds it. */
  private final class LiveViews {
    private final String authorization;

    LiveViews(String authorization) {
      this.authorization = authorization;
    }

    <T> Optional<T> read(String store, String path, String key, Class<T> type) {
      return router
          .current(store, key, path, authorization)
          .map(json -> Json.MAPPER.readValue(json, type));
    }
  }

  private static void delete(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      log.warn("could not remove the replay's state directory {}: {}", dir, e.toString());
    }
  }
}
