package dev.upgradetracker.events.action;

public enum ActionStatus {
  SUCCEEDED,
  /** The probe found the action's effect already in place: nothing was run. */
  ALREADY_DONE,
  FAILED
}
