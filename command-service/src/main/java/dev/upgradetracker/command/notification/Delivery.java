package dev.upgradetracker.command.notification;

import dev.upgradetracker.command.notification.model.NotificationKind;
import java.time.Instant;

/**
 * One notification sent to one webhook, with its latest attempt.
 *
 * @param status PENDING (tried again at {@code nextAttemptAt}), DELIVERED, GAVE_UP, or CANCELLED
 *     (its webhook was deleted)
 */
record Delivery(
    String id,
    String notificationId,
    NotificationKind kind,
    String status,
    int attempts,
    Instant createdAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String GAVE_UP = "GAVE_UP";
  static final String CANCELLED = "CANCELLED";
}
