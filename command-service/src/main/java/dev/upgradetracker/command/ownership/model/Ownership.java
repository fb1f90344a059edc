package dev.upgradetracker.command.ownership.model;

/** R8: only the owning team commands what it owns; auditors and dashboards only read. */
public final class Ownership {

  private Ownership() {}

  /**
   * Refuses team {@code actor} a command on the {@code kind} (cluster, campaign, host) {@code id}
   * that team {@code owner} owns.
   */
  public static void require(String kind, String id, String owner, String actor) {
    if (!owner.equals(actor)) {
      throw new NotOwner(kind, id, owner, actor);
    }
  }
}
