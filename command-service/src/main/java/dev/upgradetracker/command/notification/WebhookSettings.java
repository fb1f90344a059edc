package dev.upgradetracker.command.notification;

import dev.upgradetracker.command.notification.model.RetrySchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the teams' webhooks are delivered (application.yml, {@code upgrade-tracker.webhooks}).
 *
 * @param allowedHosts where a webhook may post; none: no webhook can be registered
 * @param perTeam the most webhooks one team may have
 */
@ConfigurationProperties("upgrade-tracker.webhooks")
record WebhookSettings(
    List<String> allowedHosts,
    Duration firstRetry,
    Duration longestRetry,
    Duration giveUpAfter,
    Duration timeout,
    int perTeam) {

  WebhookSettings {
    allowedHosts =
        allowedHosts == null
            ? List.of()
            : allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
  }

  RetrySchedule retries() {
    return new RetrySchedule(firstRetry, longestRetry, giveUpAfter);
  }
}
