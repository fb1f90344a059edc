package dev.upgradetracker.events.fleet;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A state the procedure never produces, found in a cluster's inventory: it is registered as told,
 * flagged here, and the plan works around it.
 *
 * @param rule the rule the procedure follows that would have prevented it, where one applies
 * @param hosts the hosts concerned, at most {@link InventoryWarnings#NAMES_SHOWN}
 * @param guests the guests concerned, at most {@link InventoryWarnings#NAMES_SHOWN}
 * @param guestsInAll how many guests are concerned, all of them counted
 */
public record InventoryWarning(
    Kind kind,
    @Nullable String rule,
    String message,
    List<String> hosts,
    List<String> guests,
    int guestsInAll) {

  public enum Kind {
    /** Guests already run the 4.0 kit while hosts still run Integrity VM 3.x (R4). */
    KIT_BEFORE_LAST_HOST,
    /** A host runs Integrity VM 4.0 on HP-UX 11i v2, where only 3.x runs. */
    INTEGRITY_VM_4_ON_11I_V2,
    /** A host runs Integrity VM 4.0 with a Serviceguard older than the update installs. */
    SERVICEGUARD_BEHIND_INTEGRITY_VM_4,
    /** A host runs Serviceguard A.11.20 or later on HP-UX 11i v2, where it does not run. */
    SERVICEGUARD_NEEDS_11I_V3,
    /** The cluster's nodes run more than the two Serviceguard versions a rolling upgrade mixes. */
    MORE_THAN_TWO_SERVICEGUARD_VERSIONS
  }
}
