package dev.upgradetracker.events.campaign;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.cluster.HostAction;

/** One host action of a step that failed, with what the host printed. */
public record StepFailure(String actionId, String host, HostAction action, ActionOutcome outcome) {}
