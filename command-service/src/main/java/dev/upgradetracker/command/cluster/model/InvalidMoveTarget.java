package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/**
 * R5: a guest or package moves only to a member node of its own cluster that is not being upgraded
 * (and, for a guest with the 4.0 kit, that runs 4.0).
 */
@Refuses(Rule.R5)
public final class InvalidMoveTarget extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param kind {@code guest} or {@code package}
   */
  public InvalidMoveTarget(String kind, String subject, String target, String reason) {
    super(
        kind + " " + subject + " cannot move to " + target + ": " + reason,
        Map.of(kind, subject, "target", target, "reason", reason));
  }
}
