package dev.upgradetracker.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.upgradetracker.command.notification.model.Notification;
import dev.upgradetracker.command.notification.model.Notifications;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each campaign event a team is told of into a delivery per webhook of the team that takes
 * its kind, and schedules it: in the transaction that moves this processor past the event, so a
 * crash loses none and a replayed event adds none (one delivery per webhook and notification).
 */
@Component
@ProcessingGroup(NotificationRecorder.PROCESSING_GROUP)
class NotificationRecorder {

  static final String PROCESSING_GROUP = "notifications";
  private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

  private final Webhooks webhooks;
  private final EventStore events;
  private final SchedulerClient scheduler;
  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  NotificationRecorder(
      Webhooks webhooks, EventStore events, @Lazy SchedulerClient scheduler, JsonMapper json) {
    this.webhooks = webhooks;
    this.events = events;
    this.scheduler = scheduler;
    this.json = json;
  }

  @EventHandler
  void on(CampaignEvent event, EventMessage<?> message) {
    Notifications.of(event, message.getIdentifier(), message.getTimestamp())
        .map(notification -> notification.apply(teamOf(event.campaignId())))
        .ifPresent(this::record);
  }

  /** Many of a campaign's events are the system's; the team is the one that started it. */
  private String teamOf(String campaignId) {
    var first = events.readEvents(campaignId, 0);
    if (first.hasNext() && first.next().getPayload() instanceof CampaignStarted started) {
      return started.team();
    }
    throw new IllegalStateException("campaign " + campaignId + " has no start event");
  }

  private void record(Notification notification) {
    var payload = json.writeValueAsString(notification);
    var now = clock.instant();
    for (var hook :
        webhooks.receiving(notification.team(), notification.kind(), notification.at())) {
      var deliveryId = UUID.randomUUID().toString();
      if (webhooks.addDelivery(
          deliveryId, hook.id(), notification.id(), notification.kind(), payload, now)) {
        scheduler.scheduleIfNotExists(WebhookDelivery.TASK.instance(deliveryId).scheduledTo(now));
        log.info(
            "{} for campaign {} to webhook {} of team {} (delivery {})",
            notification.kind(),
            notification.campaignId(),
            hook.name(),
            hook.team(),
            deliveryId);
      }
    }
  }
}
