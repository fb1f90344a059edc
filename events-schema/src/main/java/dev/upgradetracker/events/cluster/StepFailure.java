package dev.upgradetracker.events.cluster;

import dev.upgradetracker.events.action.ActionOutcome;

/** One host action of a step that failed, with what the host printed. */
public record StepFailure(String actionId, String host, HostAction action, ActionOutcome outcome) {}
