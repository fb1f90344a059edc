package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.slots.UpgradeSlotSettings;
import dev.upgradetracker.command.slots.model.UpgradeSlotDispatch;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordSlotGranted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingSlot;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.slots.UpgradeSlotCommand;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ClaimUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ReleaseUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.WithdrawUpgradeSlotClaims;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotGranted;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotQueued;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The campaign driver's part for upgrade slots: a node about to be upgraded claims its slot, the
 * campaign hears whether it waits or may go on, and an upgraded node gives its slot back. In the
 * campaign driver's processor, so it shares its token, retries and order.
 */
@Component
@ProcessingGroup(DriverCommands.PROCESSING_GROUP)
class UpgradeSlotDriver {

  private final DriverCommands commands;
  private final UpgradeSlotSettings settings;

  UpgradeSlotDriver(DriverCommands commands, UpgradeSlotSettings settings) {
    this.commands = commands;
    this.settings = settings;
  }

  @EventHandler
  void on(NodeUpgradeAwaitingSlot awaiting) {
    toSlots(
        new ClaimUpgradeSlot(
            awaiting.host(),
            awaiting.clusterId(),
            awaiting.campaignId(),
            awaiting.stepId(),
            awaiting.team(),
            awaiting.depot(),
            awaiting.site(),
            settings.perDepot(),
            settings.perSite()),
        awaiting.campaignId());
  }

  @EventHandler
  void on(UpgradeSlotQueued queued) {
    commands.toCampaign(
        new RecordAwaitingSlot(
            queued.campaignId(),
            queued.clusterId(),
            queued.stepId(),
            queued.host(),
            queued.usage(),
            Instant.now()));
  }

  @EventHandler
  void on(UpgradeSlotGranted granted) {
    commands.toCampaign(
        new RecordSlotGranted(
            granted.campaignId(),
            granted.clusterId(),
            granted.stepId(),
            granted.host(),
            Instant.now()));
  }

  @EventHandler
  void on(NodeUpgraded upgraded) {
    if (settings.required()) {
      // no one's request: the system gives the slot back, correlated with the finishing action
      commands.sendAsDriver(
          new UpgradeSlotDispatch(new ReleaseUpgradeSlot(upgraded.host(), "upgraded", null)),
          upgraded.actionId());
    }
  }

  @EventHandler
  void on(CampaignAborted aborted) {
    if (settings.required()) {
      toSlots(new WithdrawUpgradeSlotClaims(aborted.campaignId()), aborted.campaignId());
    }
  }

  private void toSlots(UpgradeSlotCommand command, String correlation) {
    commands.send(new UpgradeSlotDispatch(command), correlation);
  }
}
