package dev.upgradetracker.events.campaign;

public enum StepOutcome {
  SUCCEEDED,
  FAILED,
  /** Not run: a team member waived it, with a reason recorded for auditors. */
  SKIPPED
}
