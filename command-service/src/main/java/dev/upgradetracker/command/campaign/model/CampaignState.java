package dev.upgradetracker.command.campaign.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.cluster.StepFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A campaign's lifecycle as the command side sees it: the fold of its events. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CampaignState.NotStarted.class, name = "NotStarted"),
  @JsonSubTypes.Type(value = CampaignState.Started.class, name = "Started")
})
public sealed interface CampaignState {

  record NotStarted() implements CampaignState {}

  /**
   * @param clusters in the order they are taken up
   */
  record Started(
      String campaignId,
      String team,
      CampaignOptions options,
      Status status,
      Map<String, ClusterRun> clusters)
      implements CampaignState {

    Started withStatus(Status next) {
      return with(next, clusters);
    }

    Started withCluster(String clusterId, UnaryOperator<ClusterRun> change) {
      var next = new LinkedHashMap<>(clusters);
      next.computeIfPresent(clusterId, (id, run) -> change.apply(run));
      return with(status, next);
    }

    /** The campaign with what changes of it: its status and its clusters' runs. */
    private Started with(Status nextStatus, Map<String, ClusterRun> nextClusters) {
      return new Started(campaignId, team, options, nextStatus, nextClusters);
    }

    long count(Phase phase) {
      return clusters.values().stream().filter(run -> run.phase() == phase).count();
    }

    public boolean ended() {
      return status == Status.ABORTED || status == Status.COMPLETED;
    }
  }

  enum Status {
    RUNNING,
    /** No new step starts; running ones finish. */
    PAUSED,
    /** The failure policy paused the campaign; a retry or resume goes on. */
    STOPPED,
    ABORTED,
    COMPLETED
  }

  enum Phase {
    PENDING,
    RUNNING,
    FAILED,
    DONE
  }

  /**
   * One cluster's progress in the campaign.
   *
   * @param stepsAuthorized how many steps were authorized; the next step's id derives from it
   * @param failure the failed step, while the cluster is FAILED (and while its skip is under way)
   */
  record ClusterRun(
      String clusterId,
      Phase phase,
      int stepsAuthorized,
      int stepsDone,
      Waiting waiting,
      List<String> approvedHosts,
      Failure failure,
      List<String> slottedHosts) {

    static ClusterRun pending(String clusterId) {
      return new ClusterRun(clusterId, Phase.PENDING, 0, 0, new Idle(), List.of(), null, List.of());
    }

    /** Running, nothing in flight, waiting for nobody: its next step may be authorized. */
    boolean idle() {
      return phase == Phase.RUNNING
          && !(waiting instanceof OnStep || waiting instanceof Approval || waiting instanceof Slot);
    }

    String stepInFlight() {
      return waiting instanceof OnStep step ? step.stepId() : null;
    }

    ClusterRun to(Phase next, Waiting nowWaiting, Failure failed) {
      return change(
          d -> {
            d.phase = next;
            d.waiting = nowWaiting;
            d.failure = failed;
          });
    }

    ClusterRun waitingFor(Waiting nowWaiting) {
      return change(d -> d.waiting = nowWaiting);
    }

    ClusterRun authorized(String stepId) {
      return change(
          d -> {
            d.stepsAuthorized++;
            d.waiting = new StepInFlight(stepId);
          });
    }

    ClusterRun stepDone() {
      return change(
          d -> {
            d.stepsDone++;
            d.waiting = new Idle();
            d.failure = null;
          });
    }

    ClusterRun approved(String host) {
      return change(
          d -> {
            d.approvedHosts.add(host);
            d.waiting = new Idle();
          });
    }

    ClusterRun slotted(String host) {
      return change(
          d -> {
            d.slottedHosts.add(host);
            d.waiting = new Idle();
          });
    }

    private ClusterRun change(Consumer<Draft> edit) {
      var draft = new Draft(this);
      edit.accept(draft);
      return new ClusterRun(
          clusterId,
          draft.phase,
          draft.stepsAuthorized,
          draft.stepsDone,
          draft.waiting,
          List.copyOf(draft.approvedHosts),
          draft.failure,
          List.copyOf(draft.slottedHosts));
    }

    /** A cluster's run being changed: every field but its cluster id. */
    private static final class Draft {
      Phase phase;
      int stepsAuthorized;
      int stepsDone;
      Waiting waiting;
      final List<String> approvedHosts;
      Failure failure;
      final List<String> slottedHosts;

      private Draft(ClusterRun from) {
        phase = from.phase;
        stepsAuthorized = from.stepsAuthorized;
        stepsDone = from.stepsDone;
        waiting = from.waiting;
        approvedHosts = new ArrayList<>(from.approvedHosts);
        failure = from.failure;
        slottedHosts = new ArrayList<>(from.slottedHosts);
      }
    }
  }

  /** What a running cluster waits for. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "for")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Idle.class, name = "Nothing"),
    @JsonSubTypes.Type(value = StepInFlight.class, name = "Step"),
    @JsonSubTypes.Type(value = StepRunning.class, name = "StepRunning"),
    @JsonSubTypes.Type(value = OverdueStep.class, name = "OverdueStep"),
    @JsonSubTypes.Type(value = UnreachableHost.class, name = "UnreachableHost"),
    @JsonSubTypes.Type(value = Approval.class, name = "Approval"),
    @JsonSubTypes.Type(value = Slot.class, name = "Slot"),
    @JsonSubTypes.Type(value = Window.class, name = "Window")
  })
  sealed interface Waiting {}

  record Idle() implements Waiting {}

  /** A step authorized and not reported yet, in one of the states below. */
  sealed interface OnStep extends Waiting {
    String stepId();
  }

  /** A step was authorized; its start is not known yet. */
  record StepInFlight(String stepId) implements OnStep {}

  /** The step's start was said (its command, host and usual duration). */
  record StepRunning(String stepId) implements OnStep {}

  /** A step in flight past three times its command's usual duration, said once. */
  record OverdueStep(String stepId) implements OnStep {}

  /**
   * The executor cannot reach {@code host}, on which the step runs an action; {@code started}:
   * whether the step's start was said (the two reports travel apart and arrive in either order).
   */
  record UnreachableHost(String stepId, String host, boolean started) implements OnStep {

    /** Where the step is once its host is reached again. */
    OnStep reached() {
      return started ? new StepRunning(stepId) : new StepInFlight(stepId);
    }
  }

  /** The upgrade of {@code host} waits for a team member's approval. */
  record Approval(String host) implements Waiting {}

  /** The upgrade of {@code host} waits for a slot of its depot or site. */
  record Slot(String host) implements Waiting {}

  /** The next step waits for the maintenance window, which opens at {@code opensAt}. */
  record Window(Instant opensAt) implements Waiting {}

  /** A failed step: its failed host actions with output, or the cluster's refusal. */
  record Failure(
      String stepId, String command, String subject, List<StepFailure> failures, String reason) {}
}
