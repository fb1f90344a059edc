package dev.upgradetracker.command.slots.model;

import dev.upgradetracker.events.slots.UpgradeSlotCommand.ClaimUpgradeSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet's node-upgrade slots: the claims holding one, by host, and the claims waiting, first
 * come first.
 */
public record UpgradeSlots(Map<String, ClaimUpgradeSlot> held, List<ClaimUpgradeSlot> waiting) {

  public static final UpgradeSlots NONE = new UpgradeSlots(Map.of(), List.of());

  public UpgradeSlots {
    held = new LinkedHashMap<>(held);
    waiting = List.copyOf(waiting);
  }

  long inUseAtDepot(String depot) {
    return held.values().stream().filter(claim -> claim.depot().equals(depot)).count();
  }

  long inUseAtSite(String site) {
    return site == null
        ? 0
        : held.values().stream().filter(claim -> site.equals(claim.site())).count();
  }

  boolean waits(String host) {
    return waiting.stream().anyMatch(claim -> claim.host().equals(host));
  }

  UpgradeSlots granted(ClaimUpgradeSlot claim) {
    var nowHeld = new LinkedHashMap<>(held);
    nowHeld.put(claim.host(), claim);
    return new UpgradeSlots(nowHeld, without(claim.host()));
  }

  UpgradeSlots queued(ClaimUpgradeSlot claim) {
    var nowWaiting = new ArrayList<>(waiting);
    nowWaiting.add(claim);
    return new UpgradeSlots(held, nowWaiting);
  }

  UpgradeSlots released(String host) {
    var nowHeld = new LinkedHashMap<>(held);
    nowHeld.remove(host);
    return new UpgradeSlots(nowHeld, waiting);
  }

  UpgradeSlots withdrawn(String host) {
    return new UpgradeSlots(held, without(host));
  }

  private List<ClaimUpgradeSlot> without(String host) {
    return waiting.stream().filter(claim -> !Objects.equals(claim.host(), host)).toList();
  }
}
