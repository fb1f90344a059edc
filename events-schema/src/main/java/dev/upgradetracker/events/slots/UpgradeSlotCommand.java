package dev.upgradetracker.events.slots;

import jakarta.annotation.Nullable;

/**
 * What is asked of the fleet's node-upgrade slots: at most so many node upgrades at once per depot
 * and per site, for every team, campaign and command-service instance together. A limit of 0 sets
 * no limit; a cluster whose site is unknown counts against its depot only.
 */
public sealed interface UpgradeSlotCommand {

  /** The node {@code host} of {@code clusterId} is next to be upgraded by {@code campaignId}. */
  record ClaimUpgradeSlot(
      String host,
      String clusterId,
      String campaignId,
      String stepId,
      String team,
      String depot,
      @Nullable String site,
      int depotLimit,
      int siteLimit)
      implements UpgradeSlotCommand {}

  /**
   * The node no longer needs its slot: it was upgraded, or an operator of its team lets it go
   * ({@code team} null: the system itself).
   */
  record ReleaseUpgradeSlot(String host, String reason, @Nullable String team)
      implements UpgradeSlotCommand {}

  /** The campaign ended: its claims still waiting are dropped (slots held stay held). */
  record WithdrawUpgradeSlotClaims(String campaignId) implements UpgradeSlotCommand {}
}
