package dev.upgradetracker.query.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a dashboard shows of one campaign: each cluster's run in the order they are taken up, the
 * counts by phase, percent done, throughput and ETA. Throughput and ETA come from the campaign's
 * own event times, so a rebuilt view shows the same.
 */
public record CampaignProgress(
    String campaignId,
    String team,
    Status status,
    String reason,
    List<ClusterRun> clusters,
    Counts counts,
    Instant startedAt,
    Instant endedAt,
    long lastSequence,
    Instant lastEventAt) {

  /** The Kafka Streams store this view is kept in. */
  public static final String STORE = "campaign-views";

  public enum Status {
    RUNNING,
    PAUSED,
    STOPPED,
    ABORTED,
    COMPLETED
  }

  public enum RunPhase {
    PENDING,
    RUNNING,
    WAITING_FOR_WINDOW,
    AWAITING_APPROVAL,
    FAILED,
    DONE
  }

  /** {@code detail}: what the cluster waits for, or why it failed. */
  public record ClusterRun(
      String clusterId, RunPhase phase, int stepsCompleted, String lastStep, String detail) {

    ClusterRun in(RunPhase next, String why) {
      return new ClusterRun(clusterId, next, stepsCompleted, lastStep, why);
    }

    ClusterRun completed(String step) {
      return new ClusterRun(clusterId, RunPhase.RUNNING, stepsCompleted + 1, step, null);
    }
  }

  /** {@code clustersPerHour} over the campaign's elapsed time; {@code eta} at that pace. */
  public record Counts(
      int total,
      int pending,
      int running,
      int done,
      int failed,
      int stepsCompleted,
      double percent,
      double clustersPerHour,
      Instant eta) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, null);
  }

  public static CampaignProgress empty(String campaignId) {
    return new CampaignProgress(
        campaignId, null, null, null, List.of(), Counts.NONE, null, null, -1, null);
  }

  CampaignProgress started(String byTeam, List<String> clusterIds, Instant at) {
    var runs =
        clusterIds.stream().map(id -> new ClusterRun(id, RunPhase.PENDING, 0, null, null)).toList();
    return new CampaignProgress(
        campaignId, byTeam, Status.RUNNING, null, runs, counts, at, null, lastSequence, at);
  }

  CampaignProgress withRun(String clusterId, UnaryOperator<ClusterRun> change) {
    var runs =
        clusters.stream().map(r -> r.clusterId().equals(clusterId) ? change.apply(r) : r).toList();
    return new CampaignProgress(
        campaignId,
        team,
        status,
        reason,
        runs,
        counts,
        startedAt,
        endedAt,
        lastSequence,
        lastEventAt);
  }

  /** A status that ends the campaign also records when. */
  CampaignProgress withStatus(Status next, String why, Instant at) {
    boolean ends = next != Status.RUNNING && next != Status.PAUSED;
    return new CampaignProgress(
        campaignId,
        team,
        next,
        why,
        clusters,
        counts,
        startedAt,
        ends ? at : null,
        lastSequence,
        lastEventAt);
  }

  /** Counts, percent, throughput and ETA recomputed after the event at {@code sequence}. */
  CampaignProgress settled(long sequence, Instant at) {
    int pending = count(RunPhase.PENDING);
    int done = count(RunPhase.DONE);
    int failed = count(RunPhase.FAILED);
    int total = clusters.size();
    int running = total - pending - done - failed;
    int steps = clusters.stream().mapToInt(ClusterRun::stepsCompleted).sum();
    double hours = startedAt == null ? 0 : Duration.between(startedAt, at).toMillis() / 3_600_000.0;
    double perHour = hours > 0 ? done / hours : 0;
    int remaining = total - done - failed;
    Instant eta =
        perHour > 0 && remaining > 0 && status == Status.RUNNING
            ? at.plusMillis((long) (remaining / perHour * 3_600_000))
            : null;
    double percent = total == 0 ? 0 : Math.round(done * 1000.0 / total) / 10.0;
    return new CampaignProgress(
        campaignId,
        team,
        status,
        reason,
        clusters,
        new Counts(total, pending, running, done, failed, steps, percent, perHour, eta),
        startedAt,
        endedAt,
        sequence,
        at);
  }

  private int count(RunPhase phase) {
    return (int) clusters.stream().filter(r -> r.phase() == phase).count();
  }
}
