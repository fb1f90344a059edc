package dev.upgradetracker.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.upgradetracker.command.campaign.CampaignStarters;
import dev.upgradetracker.command.notification.model.Notification;
import dev.upgradetracker.command.notification.model.Notifications;
import dev.upgradetracker.events.campaign.CampaignEvent;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
  private final CampaignStarters starters;
  private final SchedulerClient scheduler;
  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  NotificationRecorder(
      Webhooks webhooks,
      CampaignStarters starters,
      @Lazy SchedulerClient scheduler,
      JsonMapper json) {
    this.webhooks = webhooks;
    this.starters = starters;
    this.scheduler = scheduler;
    this.json = json;
  }

  @EventHandler
  void on(CampaignEvent event, EventMessage<?> message) {
    // many of a campaign's events are the system's: the team is the one that started it
    Notifications.of(event, message.getIdentifier(), message.getTimestamp())
        .map(notification -> notification.apply(starters.of(event.campaignId()).team()))
        .ifPresent(this::record);
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
