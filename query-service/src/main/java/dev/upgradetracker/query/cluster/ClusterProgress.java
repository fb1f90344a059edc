package dev.upgradetracker.query.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How far a cluster's upgrade has come. {@code stepsTotal} is what the plan counted when the last
 * step started; {@code eta} extrapolates the cluster's own observed step durations and is a pure
 * function of its events, so a rebuilt view shows the same.
 */
public record ClusterProgress(
    ClusterPhase phase,
    String campaignId,
    CurrentStep currentStep,
    int stepsDone,
    int stepsTotal,
    long timedStepsMillis,
    int timedSteps,
    Instant eta,
    int failuresTotal,
    List<Failure> failures) {

  /** How many recent failures a view keeps, newest last. */
  static final int FAILURES_KEPT = 10;

  public static final ClusterProgress NONE =
      new ClusterProgress(ClusterPhase.NOT_STARTED, null, null, 0, 0, 0, 0, null, 0, List.of());

  public enum StepStatus {
    RUNNING,
    AWAITING_APPROVAL,
    AWAITING_SLOT,
    FAILED
  }

  public record CurrentStep(
      String stepId, String command, String subject, StepStatus status, Instant since) {}

  /** A failed host action, with the end of what the host printed. */
  public record Failure(
      String actionId, String host, String action, int exitCode, String output, Instant at) {}

  ClusterProgress change(Consumer<Draft> edit) {
    var draft = new Draft(this);
    edit.accept(draft);
    return draft.build();
  }

  /** The progress being changed by one event. */
  static final class Draft {
    ClusterPhase phase;
    String campaignId;
    CurrentStep currentStep;
    int stepsDone;
    int stepsTotal;
    long timedStepsMillis;
    int timedSteps;
    Instant eta;
    int failuresTotal;
    final List<Failure> failures;

    private Draft(ClusterProgress from) {
      phase = from.phase;
      campaignId = from.campaignId;
      currentStep = from.currentStep;
      stepsDone = from.stepsDone;
      stepsTotal = from.stepsTotal;
      timedStepsMillis = from.timedStepsMillis;
      timedSteps = from.timedSteps;
      eta = from.eta;
      failuresTotal = from.failuresTotal;
      failures = new ArrayList<>(from.failures);
    }

    /** A step that ended well (or was waived) counts as done, its duration as an observation. */
    void stepDone(String stepId, Instant at) {
      if (currentStep != null && currentStep.stepId().equals(stepId)) {
        timedStepsMillis += Duration.between(currentStep.since(), at).toMillis();
        timedSteps++;
      }
      currentStep = null;
      stepsDone++;
      stepsTotal = Math.max(stepsTotal, stepsDone);
    }

    void failed(Failure failure) {
      failuresTotal++;
      failures.add(failure);
      if (failures.size() > FAILURES_KEPT) {
        failures.removeFirst();
      }
    }

    /**
     * ETA: the steps left at the cluster's own average pace, from its latest event; none while it
     * waits for a person (a failure to clear, an approval).
     */
    void estimate(Instant latest) {
      int remaining = stepsTotal - stepsDone;
      boolean waitsForAPerson =
          phase == ClusterPhase.FAILED || phase == ClusterPhase.AWAITING_APPROVAL;
      eta =
          timedSteps == 0 || remaining <= 0 || waitsForAPerson || latest == null
              ? null
              : latest.plusMillis(timedStepsMillis / timedSteps * remaining);
    }

    private ClusterProgress build() {
      return new ClusterProgress(
          phase,
          campaignId,
          currentStep,
          stepsDone,
          stepsTotal,
          timedStepsMillis,
          timedSteps,
          eta,
          failuresTotal,
          List.copyOf(failures));
    }
  }
}
