package dev.upgradetracker.command.notification.model;

/** What a team may be told of, each a reason for someone to look. */
public enum NotificationKind {
  /** A cluster's step failed: it waits for a retry or a skip. */
  STEP_FAILED,
  /** A node upgrade waits for an approver of the team. */
  APPROVAL_NEEDED,
  /** A step has run for more than three times the usual time of its command: stuck, perhaps. */
  STUCK,
  /** A campaign ended: completed, stopped by its failure policy, or aborted. */
  CAMPAIGN_FINISHED
}
