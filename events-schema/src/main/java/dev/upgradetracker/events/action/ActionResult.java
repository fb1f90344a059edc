package dev.upgradetracker.events.action;

import java.time.Instant;

/** An executor's report on {@code upgrade.action-results}, keyed by cluster id. */
public record ActionResult(
    String actionId, String clusterId, String host, ActionOutcome outcome, Instant finishedAt) {}
