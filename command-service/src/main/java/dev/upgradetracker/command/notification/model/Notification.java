package dev.upgradetracker.command.notification.model;

import java.time.Instant;

/**
 * One thing a team is told, as the webhook's JSON body carries it.
 *
 * @param id the same for every delivery of it, to every webhook: a receiver drops repeats by it
 * @param clusterId the cluster concerned, if one is
 * @param host the host concerned, if one is
 * @param summary one line, for a chat message or a pager
 */
public record Notification(
    String id,
    NotificationKind kind,
    String team,
    String campaignId,
    String clusterId,
    String host,
    String summary,
    Instant at) {}
