package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.TraceKeys;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who started each campaign, as its first event records: the user the system acts for when it
 * drives the campaign on. Read once per campaign from the event store; a start never changes.
 */
@Component
class CampaignStarters {

  private final EventStore events;
  private final Map<String, String> starters = new ConcurrentHashMap<>();

  CampaignStarters(EventStore events) {
    this.events = events;
  }

  /** The starter's user name; empty text when the start recorded none. */
  String of(String campaignId) {
    return starters.computeIfAbsent(
        campaignId,
        id ->
            events
                .readEvents(id)
                .asStream()
                .findFirst()
                .map(first -> first.getMetaData().get(TraceKeys.USER))
                .map(Object::toString)
                .orElse(""));
  }
}
