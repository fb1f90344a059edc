package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.TraceKeys;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who started each campaign, and in which trace, as its first event records: the user the system
 * acts for when it drives the campaign on, and the trace its driven commands carry on. Read once
 * per campaign from the event store; a start never changes.
 */
@Component
class CampaignStarters {

  /** The starter's user name (empty text when the start recorded none) and trace, if any. */
  record Start(String user, Optional<String> trace) {}

  private final EventStore events;
  private final Map<String, Start> starts = new ConcurrentHashMap<>();

  CampaignStarters(EventStore events) {
    this.events = events;
  }

  Start of(String campaignId) {
    return starts.computeIfAbsent(
        campaignId,
        id ->
            events
                .readEvents(id)
                .asStream()
                .findFirst()
                .map(
                    first ->
                        new Start(
                            text(first.getMetaData().get(TraceKeys.USER)),
                            Optional.ofNullable(first.getMetaData().get(TraceKeys.TRACE_PARENT))
                                .map(Object::toString)))
                .orElse(new Start("", Optional.empty())));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
