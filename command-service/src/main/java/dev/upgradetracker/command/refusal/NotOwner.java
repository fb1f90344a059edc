package dev.upgradetracker.command.refusal;

import java.util.Map;

/** R8: only the owning team commands a cluster. */
public final class NotOwner extends RuleViolation {

  public NotOwner(String clusterId, String owner, String actor) {
    this("cluster", clusterId, owner, actor);
  }

  /** {@code kind}: what is owned, e.g. a cluster or a campaign. */
  public NotOwner(String kind, String id, String owner, String actor) {
    super(
        Rule.R8,
        kind + " " + id + " belongs to team " + owner + "; team " + actor + " may only read it",
        Map.of(kind + "Id", id, "owner", owner, "actor", actor));
  }
}
