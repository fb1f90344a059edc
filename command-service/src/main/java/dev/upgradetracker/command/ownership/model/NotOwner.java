package dev.upgradetracker.command.ownership.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/** R8: only the owning team commands a cluster, and only over hosts assigned to it. */
@Refuses(Rule.R8)
public final class NotOwner extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  /** A host no admin assigned to any team: no team may register a cluster over it. */
  public static NotOwner unassignedHost(String host, String actor) {
    return new NotOwner(
        "host "
            + host
            + " is assigned to no team; an admin assigns it (PUT /api/hosts/"
            + host
            + ") before team "
            + actor
            + " registers a cluster over it",
        Map.of("hostId", host, "owner", "", "actor", actor));
  }

  private NotOwner(String facts, Map<String, Object> details) {
    super(facts, details);
  }

  /** {@code kind}: what is owned, e.g. a cluster or a campaign. */
  public NotOwner(String kind, String id, String owner, String actor) {
    super(
        kind + " " + id + " belongs to team " + owner + "; team " + actor + " may only read it",
        Map.of(kind + "Id", id, "owner", owner, "actor", actor));
  }
}
