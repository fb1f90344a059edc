package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.events.campaign.CampaignEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision under way: the events decided so far and the state they lead to, so that each step of
 * a decision sees what the steps before it decided.
 */
record Decision(CampaignState state, List<CampaignEvent> events) {

  static Decision in(CampaignState state) {
    return new Decision(state, List.of());
  }

  Decision then(CampaignEvent event) {
    var decided = new ArrayList<>(events);
    decided.add(event);
    return new Decision(CampaignEvolution.evolve(state, event), List.copyOf(decided));
  }

  Started campaign() {
    return (Started) state;
  }
}
