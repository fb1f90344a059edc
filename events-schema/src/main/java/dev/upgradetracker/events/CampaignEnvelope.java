package dev.upgradetracker.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upgradetracker.events.campaign.CampaignEvent;
import java.time.Instant;

/**
 * A committed campaign event as it travels on {@code upgrade.campaign-events}, keyed by campaign
 * id. {@code sequence} is the event's position in its campaign's history, starting at 0. {@code
 * previousHash} and {@code hash} are the event's links in its hash chain, as the event store
 * recorded them (absent on events stored before chains existed). {@code user} is who acted: a
 * person, or the system ({@code campaign-driver}, {@code deadline}, {@code executor}); when the
 * system acted for a campaign, {@code onBehalfOf} is the user who started it.
 */
public record CampaignEnvelope(
    String eventId,
    String campaignId,
    long sequence,
    Instant timestamp,
    String team,
    String user,
    @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf,
    String correlationId,
    String causationId,
    CampaignEvent event,
    @JsonInclude(JsonInclude.Include.NON_NULL) String previousHash,
    @JsonInclude(JsonInclude.Include.NON_NULL) String hash) {}
