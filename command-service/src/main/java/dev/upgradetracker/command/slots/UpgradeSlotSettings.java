package dev.upgradetracker.command.slots;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fleet's budget of node upgrades at once, shared by every team and campaign; 0: no limit.
 * Every command service of an installation must be given the same.
 *
 * @param perDepot node upgrades at once reading from one depot server
 * @param perSite node upgrades at once in one site (clusters whose site is unknown: none counted)
 */
@ConfigurationProperties("upgrade-tracker.upgrade-slots")
public record UpgradeSlotSettings(@DefaultValue("0") int perDepot, @DefaultValue("0") int perSite) {

  public UpgradeSlotSettings {
    if (perDepot < 0 || perSite < 0) {
      throw new IllegalArgumentException(
          "UPGRADE_SLOTS_PER_DEPOT and UPGRADE_SLOTS_PER_SITE must be 0 (no limit) or more; got "
              + perDepot
              + " and "
              + perSite);
    }
  }

  /** Whether a node's upgrade needs a slot first. */
  public boolean required() {
    return perDepot > 0 || perSite > 0;
  }
}
