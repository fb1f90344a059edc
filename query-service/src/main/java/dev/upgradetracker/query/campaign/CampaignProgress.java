package dev.upgradetracker.query.campaign;

import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.cluster.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A campaign as its team and its dashboards read it: its options, each cluster's run in the order
 * they are taken up (what it waits for, the failed step with each failed host action's output), the
 * counts by phase, percent done (by steps), throughput and ETA. Throughput and ETA come from the
 * campaign's own event times, so a rebuilt view shows the same. The one read model of a campaign.
 */
public record CampaignProgress(
    String campaignId,
    String team,
    String startedBy,
    Status status,
    String reason,
    CampaignOptions options,
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
    AWAITING_SLOT,
    FAILED,
    DONE,
    /** Left unfinished by the campaign's abort: it takes no further step. */
    ABORTED
  }

  /** What a cluster can be waiting for. */
  public enum WaitKind {
    /** a place among the campaign's clusters in progress */
    ADMISSION,
    /**
     * its authorized step ({@code stepId}) to be taken and to end; once begun, {@code command} on
     * {@code host} since {@code since}, usually lasting {@code usual} (the 95th percentile of that
     * command's recent durations fleet-wide; null while too few are known)
     */
    STEP,
    /** the maintenance window, which opens {@code until} */
    WINDOW,
    /** a team member's approval of the upgrade of {@code host} (not its campaign's starter's) */
    APPROVAL,
    /** a slot of its depot or site for the upgrade of {@code host} */
    SLOT,
    /** an operator's retry or skip of its failed step {@code stepId} */
    RETRY_OR_SKIP,
    /**
     * its step {@code stepId} ({@code command} on {@code host}, since {@code since}), which has run
     * over three times its command's {@code usual} duration: stuck?
     */
    STUCK,
    /**
     * the executor to reach {@code host}, on which its step {@code stepId} runs {@code command}: it
     * has not since {@code since}, and keeps trying until the step's timeout
     */
    HOST_UNREACHABLE,
    /**
     * an executor to take its step {@code stepId}: none has been alive since {@code since} (not a
     * fold of events: the executors' consumer group, as the service answers)
     */
    NO_EXECUTOR
  }

  /**
   * What a cluster waits for, since when, what names it, and who may end it ({@code by}, e.g. who
   * may approve); null where it does not apply.
   */
  public record Wait(
      WaitKind kind,
      Instant since,
      Instant until,
      String host,
      String stepId,
      String by,
      String command,
      Duration usual) {

    static Wait of(WaitKind kind, Instant since) {
      return new Wait(kind, since, null, null, null, null, null, null);
    }

    static Wait onStep(WaitKind kind, Instant since, String stepId) {
      return new Wait(kind, since, null, null, stepId, null, null, null);
    }
  }

  /**
   * {@code stepsLeft}: the steps its plan still held after its last completed one (null until one
   * completed); {@code waiting}: what it waits for, typed (null when it waits for nothing: done,
   * aborted); {@code detail}: the same, or why it failed, in words; {@code failure}: the failed
   * step while the cluster is FAILED, with each failed host action's exit code and output.
   */
  public record ClusterRun(
      String clusterId,
      RunPhase phase,
      int stepsCompleted,
      Integer stepsLeft,
      String lastStep,
      Wait waiting,
      String detail,
      FailedStep failure) {

    /** In phase {@code next}, waiting for nothing named. */
    ClusterRun in(RunPhase next, String why) {
      return change(
          d -> {
            d.phase = next;
            d.waiting = null;
            d.detail = why;
            d.failure = null;
          });
    }

    ClusterRun waiting(Wait wait) {
      return change(d -> d.waiting = wait);
    }

    ClusterRun failed(String why, FailedStep step) {
      return change(
          d -> {
            d.phase = RunPhase.FAILED;
            d.waiting = null;
            d.detail = why;
            d.failure = step;
          });
    }

    ClusterRun completed(String step, Integer stepsLeft) {
      return change(
          d -> {
            d.phase = RunPhase.RUNNING;
            d.stepsCompleted++;
            d.stepsLeft = stepsLeft;
            d.lastStep = step;
            d.waiting = null;
            d.detail = null;
            d.failure = null;
          });
    }

    private ClusterRun change(Consumer<RunDraft> edit) {
      var d = new RunDraft(this);
      edit.accept(d);
      return new ClusterRun(
          clusterId,
          d.phase,
          d.stepsCompleted,
          d.stepsLeft,
          d.lastStep,
          d.waiting,
          d.detail,
          d.failure);
    }

    /** The steps of its plan, done and left; empty while unknown. */
    private OptionalInt stepsPlanned() {
      if (phase == RunPhase.DONE) {
        return OptionalInt.of(stepsCompleted);
      }
      return stepsLeft == null ? OptionalInt.empty() : OptionalInt.of(stepsCompleted + stepsLeft);
    }
  }

  /** A cluster's run being changed: everything but its cluster id. */
  private static final class RunDraft {
    RunPhase phase;
    int stepsCompleted;
    Integer stepsLeft;
    String lastStep;
    Wait waiting;
    String detail;
    FailedStep failure;

    private RunDraft(ClusterRun from) {
      phase = from.phase();
      stepsCompleted = from.stepsCompleted();
      stepsLeft = from.stepsLeft();
      lastStep = from.lastStep();
      waiting = from.waiting();
      detail = from.detail();
      failure = from.failure();
    }
  }

  /** A failed step: its failed host actions with their output, or the cluster's refusal. */
  public record FailedStep(
      String stepId, String command, String subject, List<StepFailure> failures, String reason) {}

  /**
   * {@code stepsPlanned}: the steps of every cluster's plan, a cluster whose plan is not known yet
   * counted as the mean of those known; {@code percent}: of those, done; {@code clustersPerHour}
   * over the campaign's elapsed time; {@code eta}: the steps left at the campaign's pace in steps.
   */
  public record Counts(
      int total,
      int pending,
      int running,
      int done,
      int failed,
      int aborted,
      int stepsCompleted,
      int stepsPlanned,
      double percent,
      double clustersPerHour,
      Instant eta) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
  }

  public static CampaignProgress empty(String campaignId) {
    return new CampaignProgress(
        campaignId, null, null, null, null, null, List.of(), Counts.NONE, null, null, -1, null);
  }

  CampaignProgress started(
      String byTeam, String byUser, List<String> clusterIds, CampaignOptions chosen, Instant at) {
    return change(
        d -> {
          d.team = byTeam;
          d.startedBy = byUser;
          d.status = Status.RUNNING;
          d.options = chosen;
          d.clusters =
              clusterIds.stream()
                  .map(
                      id ->
                          new ClusterRun(
                              id,
                              RunPhase.PENDING,
                              0,
                              null,
                              null,
                              Wait.of(WaitKind.ADMISSION, at),
                              null,
                              null))
                  .toList();
          d.startedAt = at;
        });
  }

  CampaignProgress withRun(String clusterId, UnaryOperator<ClusterRun> change) {
    return change(
        d ->
            d.clusters =
                d.clusters.stream()
                    .map(r -> r.clusterId().equals(clusterId) ? change.apply(r) : r)
                    .toList());
  }

  /** A status that ends the campaign also records when. */
  CampaignProgress withStatus(Status next, String why, Instant at) {
    boolean ends = next != Status.RUNNING && next != Status.PAUSED;
    return change(
        d -> {
          d.status = next;
          d.reason = why;
          d.endedAt = ends ? at : null;
        });
  }

  /** Counts, percent, throughput and ETA recomputed after the event at {@code sequence}. */
  CampaignProgress settled(long sequence, Instant at) {
    int pending = count(RunPhase.PENDING);
    int done = count(RunPhase.DONE);
    int failed = count(RunPhase.FAILED);
    int aborted = count(RunPhase.ABORTED);
    int total = clusters.size();
    int running = total - pending - done - failed - aborted;
    int steps = clusters.stream().mapToInt(ClusterRun::stepsCompleted).sum();
    int planned = stepsPlanned();
    double hours = startedAt == null ? 0 : Duration.between(startedAt, at).toMillis() / 3_600_000.0;
    double perHour = hours > 0 ? done / hours : 0;
    double stepsPerHour = hours > 0 ? steps / hours : 0;
    int stepsToGo = planned - steps;
    Instant eta =
        stepsPerHour > 0 && stepsToGo > 0 && status == Status.RUNNING
            ? at.plusMillis((long) (stepsToGo / stepsPerHour * 3_600_000))
            : null;
    double percent = planned == 0 ? 0 : Math.round(steps * 1000.0 / planned) / 10.0;
    return change(
        d -> {
          d.counts =
              new Counts(
                  total, pending, running, done, failed, aborted, steps, planned, percent, perHour,
                  eta);
          d.lastSequence = sequence;
          d.lastEventAt = at;
        });
  }

  /** The clusters' plans known so far, each one not known yet taken as their mean. */
  private int stepsPlanned() {
    var known = clusters.stream().map(ClusterRun::stepsPlanned).filter(OptionalInt::isPresent);
    var plans = known.mapToInt(OptionalInt::getAsInt).summaryStatistics();
    if (plans.getCount() == 0) {
      return 0;
    }
    int mean = (int) Math.round(plans.getAverage());
    int unknown =
        clusters.stream()
            .filter(r -> r.stepsPlanned().isEmpty())
            .mapToInt(r -> Math.max(r.stepsCompleted(), mean))
            .sum();
    return (int) plans.getSum() + unknown;
  }

  private int count(RunPhase phase) {
    return (int) clusters.stream().filter(r -> r.phase() == phase).count();
  }

  private CampaignProgress change(Consumer<Draft> edit) {
    var d = new Draft(this);
    edit.accept(d);
    return new CampaignProgress(
        campaignId,
        d.team,
        d.startedBy,
        d.status,
        d.reason,
        d.options,
        List.copyOf(d.clusters),
        d.counts,
        d.startedAt,
        d.endedAt,
        d.lastSequence,
        d.lastEventAt);
  }

  /** A campaign's view being changed by one event: every field but its id. */
  private static final class Draft {
    String team;
    String startedBy;
    Status status;
    String reason;
    CampaignOptions options;
    List<ClusterRun> clusters;
    Counts counts;
    Instant startedAt;
    Instant endedAt;
    long lastSequence;
    Instant lastEventAt;

    private Draft(CampaignProgress from) {
      team = from.team;
      startedBy = from.startedBy;
      status = from.status;
      reason = from.reason;
      options = from.options;
      clusters = new ArrayList<>(from.clusters);
      counts = from.counts;
      startedAt = from.startedAt;
      endedAt = from.endedAt;
      lastSequence = from.lastSequence;
      lastEventAt = from.lastEventAt;
    }
  }
}
