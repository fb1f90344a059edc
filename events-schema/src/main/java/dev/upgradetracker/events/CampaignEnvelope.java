package dev.upgradetracker.events;

import dev.upgradetracker.events.campaign.CampaignEvent;
import java.time.Instant;

/**
 * A committed campaign event as it travels on {@code upgrade.campaign-events}, keyed by campaign
 * id. {@code sequence} is the event's position in its campaign's history, starting at 0.
 */
public record CampaignEnvelope(
    String eventId,
    String campaignId,
    long sequence,
    Instant timestamp,
    String team,
    String user,
    String correlationId,
    String causationId,
    CampaignEvent event) {}
