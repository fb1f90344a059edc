package dev.upgradetracker.command.cluster.model;

import java.util.Set;

/**
 * The steps a team member may waive when they fail: nothing later depends physically on them
 * (verifying, backing up, patching). Moves, halts, upgrades and kits must really happen.
 */
public final class Skippable {

  public static final Set<String> COMMANDS =
      Set.of("VerifyGuestsBoot", "BackUpGuests", "BackUpHost", "InstallPatches");

  private Skippable() {}
}
