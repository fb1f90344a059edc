package dev.upgradetracker.events.cluster;

public enum StepOutcome {
  SUCCEEDED,
  FAILED,
  /** Not run: a team member waived it, with a reason recorded for auditors. */
  SKIPPED
}
