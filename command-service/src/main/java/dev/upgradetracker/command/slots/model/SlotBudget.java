package dev.upgradetracker.command.slots.model;

import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.slots.UpgradeSlotCommand;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ClaimUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ReleaseUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.WithdrawUpgradeSlotClaims;
import dev.upgradetracker.events.slots.UpgradeSlotEvent;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.ClaimAnswered;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotClaimWithdrawn;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotGranted;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotQueued;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotReleased;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * At most so many node upgrades at once per depot and per site, whoever asks: a claim is granted
 * while its depot and site have room and no earlier claim on either still waits (first come, first
 * served: a busy depot does not starve a cluster that asked first); a released slot goes to the
 * waiting claims in their order. A node keeps its slot until it is upgraded or an operator of its
 * team releases it, so a failed upgrade slows the fleet down instead of letting it race on.
 */
public final class SlotBudget {

  private SlotBudget() {}

  public static List<UpgradeSlotEvent> decide(UpgradeSlotCommand command, UpgradeSlots slots) {
    return switch (command) {
      case ClaimUpgradeSlot claim -> claim(claim, slots);
      case ReleaseUpgradeSlot release -> release(release, slots);
      case WithdrawUpgradeSlotClaims withdraw -> withdraw(withdraw, slots);
    };
  }

  public static UpgradeSlots evolve(UpgradeSlots slots, UpgradeSlotEvent event) {
    return switch (event) {
      case UpgradeSlotGranted granted -> slots.granted(claimOf(granted));
      case UpgradeSlotQueued queued -> slots.queued(claimOf(queued));
      case UpgradeSlotReleased released -> slots.released(released.host());
      case UpgradeSlotClaimWithdrawn withdrawn -> slots.withdrawn(withdrawn.host());
    };
  }

  private static List<UpgradeSlotEvent> claim(ClaimUpgradeSlot claim, UpgradeSlots slots) {
    if (claim.depotLimit() < 0 || claim.siteLimit() < 0) {
      throw new InvalidInput("limit", "must be 0 (no limit) or more");
    }
    var holder = slots.held().get(claim.host());
    if (holder != null) {
      // a node that kept its slot through a failure and is taken up again by another campaign
      boolean repeated =
          holder.campaignId().equals(claim.campaignId()) && holder.stepId().equals(claim.stepId());
      return repeated ? List.of() : List.of(granted(claim, slots, 0));
    }
    if (slots.waits(claim.host())) {
      return List.of();
    }
    if (fits(claim, slots, slots.waiting())) {
      return List.of(granted(claim, slots, 1));
    }
    return List.of(
        new UpgradeSlotQueued(
            claim.host(),
            claim.clusterId(),
            claim.campaignId(),
            claim.stepId(),
            claim.team(),
            usage(claim, slots, 0)));
  }

  private static List<UpgradeSlotEvent> release(ReleaseUpgradeSlot release, UpgradeSlots slots) {
    var holder = slots.held().get(release.host());
    if (holder == null) {
      if (release.team() == null) {
        return List.of();
      }
      throw new NotFound("upgrade slot", release.host());
    }
    if (release.team() != null) {
      Ownership.require("upgrade slot", release.host(), holder.team(), release.team());
      if (release.reason() == null || release.reason().isBlank()) {
        throw new InvalidInput("reason", "is required: a released slot is recorded for auditors");
      }
    }
    var events = new ArrayList<UpgradeSlotEvent>();
    events.add(
        new UpgradeSlotReleased(
            holder.host(), holder.clusterId(), holder.depot(), holder.site(), release.reason()));
    return grantWaiting(events, slots.released(release.host()));
  }

  private static List<UpgradeSlotEvent> withdraw(
      WithdrawUpgradeSlotClaims withdraw, UpgradeSlots slots) {
    var events = new ArrayList<UpgradeSlotEvent>();
    var state = slots;
    for (var claim : slots.waiting()) {
      if (claim.campaignId().equals(withdraw.campaignId())) {
        events.add(
            new UpgradeSlotClaimWithdrawn(claim.host(), claim.clusterId(), claim.campaignId()));
        state = state.withdrawn(claim.host());
      }
    }
    return events.isEmpty() ? events : grantWaiting(events, state);
  }

  /** Each waiting claim, in order, that has room now and no earlier waiting claim in its way. */
  private static List<UpgradeSlotEvent> grantWaiting(
      List<UpgradeSlotEvent> events, UpgradeSlots slots) {
    var state = slots;
    var stillWaiting = new ArrayList<ClaimUpgradeSlot>();
    for (var claim : slots.waiting()) {
      if (fits(claim, state, stillWaiting)) {
        var granted = granted(claim, state, 1);
        events.add(granted);
        state = state.granted(claim);
      } else {
        stillWaiting.add(claim);
      }
    }
    return events;
  }

  private static boolean fits(
      ClaimUpgradeSlot claim, UpgradeSlots slots, List<ClaimUpgradeSlot> earlier) {
    boolean room =
        (claim.depotLimit() == 0 || slots.inUseAtDepot(claim.depot()) < claim.depotLimit())
            && (claim.site() == null
                || claim.siteLimit() == 0
                || slots.inUseAtSite(claim.site()) < claim.siteLimit());
    return room && earlier.stream().noneMatch(waiting -> competes(waiting, claim));
  }

  private static boolean competes(ClaimUpgradeSlot waiting, ClaimUpgradeSlot claim) {
    return !waiting.host().equals(claim.host())
        && (waiting.depot().equals(claim.depot())
            || (claim.site() != null && claim.site().equals(waiting.site())));
  }

  private static UpgradeSlotGranted granted(
      ClaimUpgradeSlot claim, UpgradeSlots slots, int adding) {
    return new UpgradeSlotGranted(
        claim.host(),
        claim.clusterId(),
        claim.campaignId(),
        claim.stepId(),
        claim.team(),
        usage(claim, slots, adding));
  }

  private static Usage usage(ClaimUpgradeSlot claim, UpgradeSlots slots, int adding) {
    return new Usage(
        claim.depot(),
        claim.site(),
        (int) slots.inUseAtDepot(claim.depot()) + adding,
        claim.depotLimit(),
        (int) slots.inUseAtSite(claim.site()) + (claim.site() == null ? 0 : adding),
        claim.siteLimit());
  }

  /** The claim an answer recorded. */
  private static ClaimUpgradeSlot claimOf(ClaimAnswered answer) {
    var usage = answer.usage();
    return new ClaimUpgradeSlot(
        answer.host(),
        answer.clusterId(),
        answer.campaignId(),
        answer.stepId(),
        answer.team(),
        usage.depot(),
        usage.site(),
        usage.depotLimit(),
        usage.siteLimit());
  }
}
