package dev.upgradetracker.command.refusal;

import java.util.Map;

/** R8: only the owning team commands a cluster. */
public final class NotOwner extends RuleViolation {

  public NotOwner(String clusterId, String owner, String actor) {
    super(
        Rule.R8,
        "cluster "
            + clusterId
            + " belongs to team "
            + owner
            + "; team "
            + actor
            + " may only read it",
        Map.of("clusterId", clusterId, "owner", owner, "actor", actor));
  }
}
