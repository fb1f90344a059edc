package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** R8: only the owning team commands a cluster, and only over hosts assigned to it. */
public final class NotOwner extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public NotOwner(String clusterId, String owner, String actor) {
    this("cluster", clusterId, owner, actor);
  }

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
    super(Rule.R8, facts, details);
  }

  /** {@code kind}: what is owned, e.g. a cluster or a campaign. */
  public NotOwner(String kind, String id, String owner, String actor) {
    super(
        Rule.R8,
        kind + " " + id + " belongs to team " + owner + "; team " + actor + " may only read it",
        Map.of(kind + "Id", id, "owner", owner, "actor", actor));
  }
}
