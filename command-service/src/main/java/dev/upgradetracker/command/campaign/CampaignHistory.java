package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.campaign.model.CampaignDecider;
import dev.upgradetracker.command.campaign.model.CampaignState;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.campaign.CampaignEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A campaign's state folded from its history in the event store, for reading. */
final class CampaignHistory {

  private CampaignHistory() {}

  static Started load(EventStore events, String campaignId) {
    CampaignState state = new CampaignState.NotStarted();
    var history = events.readEvents(campaignId, 0);
    while (history.hasNext()) {
      if (history.next().getPayload() instanceof CampaignEvent event) {
        state = CampaignDecider.evolve(state, event);
      }
    }
    if (!(state instanceof Started campaign)) {
      throw new NotFound("campaign", campaignId);
    }
    return campaign;
  }
}
