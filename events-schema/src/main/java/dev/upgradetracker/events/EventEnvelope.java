package dev.upgradetracker.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upgradetracker.events.cluster.ClusterEvent;
import java.time.Instant;

/**
 * A committed event as it travels on {@code upgrade.events}: the domain event plus who, when and
 * why. {@code sequence} is the event's position in its cluster's history, starting at 0. {@code
 * previousHash} and {@code hash} are the event's links in its hash chain, as the event store
 * recorded them (absent on events stored before chains existed). {@code user} is who acted: a
 * person, or the system ({@code campaign-driver}, {@code deadline}, {@code executor}); when the
 * system acted for a campaign, {@code onBehalfOf} is the user who started it.
 */
public record EventEnvelope(
    String eventId,
    String clusterId,
    long sequence,
    Instant timestamp,
    String team,
    String user,
    @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf,
    String correlationId,
    String causationId,
    ClusterEvent event,
    @JsonInclude(JsonInclude.Include.NON_NULL) String previousHash,
    @JsonInclude(JsonInclude.Include.NON_NULL) String hash) {}
