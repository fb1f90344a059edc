package dev.upgradetracker.command.refusal;

import java.util.Map;

/** R5: a guest may only move to an up node of its own cluster that it is not already on. */
public final class InvalidMoveTarget extends RuleViolation {

  public InvalidMoveTarget(String guest, String target, String reason) {
    super(
        Rule.R5,
        "guest " + guest + " cannot move to " + target + ": " + reason,
        Map.of("guest", guest, "target", target, "reason", reason));
  }
}
