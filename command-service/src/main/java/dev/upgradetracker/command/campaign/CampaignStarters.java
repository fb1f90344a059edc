package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who started each campaign, for which team and in which trace, as its first event records: the
 * user the system acts for when it drives the campaign on, the team it tells, and the trace its
 * driven commands carry on. Read once per campaign from the event store; a start never changes.
 */
@Component
public class CampaignStarters {

  /**
   * The starter's user name (empty text when the start recorded none), the campaign's team (empty
   * when there is no start) and trace, if any.
   */
  public record Start(String user, String team, Optional<String> trace) {}

  private final EventStore events;
  private final Map<String, Start> starts = new ConcurrentHashMap<>();

  CampaignStarters(EventStore events) {
    this.events = events;
  }

  public Start of(String campaignId) {
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
                            first.getPayload() instanceof CampaignStarted started
                                ? started.team()
                                : "",
                            Optional.ofNullable(first.getMetaData().get(TraceKeys.TRACE_PARENT))
                                .map(Object::toString)))
                .orElse(new Start("", "", Optional.empty())));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
