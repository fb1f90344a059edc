package dev.upgradetracker.events.slots;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.annotation.Nullable;

/** Everything that happens to the fleet's node-upgrade slots: the vocabulary of their aggregate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = UpgradeSlotEvent.UpgradeSlotGranted.class,
      name = "UpgradeSlotGranted.v1"),
  @JsonSubTypes.Type(
      value = UpgradeSlotEvent.UpgradeSlotQueued.class,
      name = "UpgradeSlotQueued.v1"),
  @JsonSubTypes.Type(
      value = UpgradeSlotEvent.UpgradeSlotReleased.class,
      name = "UpgradeSlotReleased.v1"),
  @JsonSubTypes.Type(
      value = UpgradeSlotEvent.UpgradeSlotClaimWithdrawn.class,
      name = "UpgradeSlotClaimWithdrawn.v1")
})
public sealed interface UpgradeSlotEvent {

  String host();

  /**
   * How full the claim's depot and site are, this claim's slot included once granted; a limit of 0
   * is no limit.
   */
  record Usage(
      String depot,
      @Nullable String site,
      int depotInUse,
      int depotLimit,
      int siteInUse,
      int siteLimit) {}

  /** A node's claim of a slot, answered: granted or queued. */
  sealed interface ClaimAnswered extends UpgradeSlotEvent {
    String clusterId();

    String campaignId();

    String stepId();

    String team();

    Usage usage();
  }

  record UpgradeSlotGranted(
      String host, String clusterId, String campaignId, String stepId, String team, Usage usage)
      implements ClaimAnswered {}

  /** Its depot or site is full, or an earlier claim on them waits: it waits behind them. */
  record UpgradeSlotQueued(
      String host, String clusterId, String campaignId, String stepId, String team, Usage usage)
      implements ClaimAnswered {}

  record UpgradeSlotReleased(
      String host, String clusterId, String depot, @Nullable String site, String reason)
      implements UpgradeSlotEvent {}

  record UpgradeSlotClaimWithdrawn(String host, String clusterId, String campaignId)
      implements UpgradeSlotEvent {}
}
