package dev.upgradetracker.command.notification;

import dev.upgradetracker.command.notification.model.NotificationKind;
import java.time.Instant;
import java.util.Set;

/** A team's receiver of notifications; its secret signs what it is sent and is never shown. */
record Webhook(
    String id,
    String team,
    String name,
    String url,
    Set<NotificationKind> kinds,
    Instant createdAt,
    String createdBy) {}
