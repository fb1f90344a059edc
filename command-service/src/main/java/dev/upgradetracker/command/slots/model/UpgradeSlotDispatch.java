package dev.upgradetracker.command.slots.model;

import dev.upgradetracker.events.slots.UpgradeSlotCommand;

/** How an {@link UpgradeSlotCommand} travels on Axon's command bus, to the fleet's slots. */
public record UpgradeSlotDispatch(UpgradeSlotCommand command) {

  /**
   * One aggregate holds every slot, so that a claim and the usage it is checked against are decided
   * together, on any instance (a few claims a second at fleet scale); names cannot hold ':', so no
   * cluster or campaign shares its id.
   */
  public static final String AGGREGATE_ID = "upgrade-slots:fleet";
}
