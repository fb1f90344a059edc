package dev.upgradetracker.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upgradetracker.events.cluster.ClusterEvent;
import java.time.Instant;

/**
 * A committed event as it travels on {@code upgrade.events}: the domain event plus who, when and
 * why. {@code sequence} is the event's position in its cluster's history, starting at 0. {@code
 * previousHash} and {@code hash} are the event's links in its hash chain, as the event store
 * recorded them (absent on events stored before chains existed).
 */
public record EventEnvelope(
    String eventId,
    String clusterId,
    long sequence,
    Instant timestamp,
    String team,
    String user,
    String correlationId,
    String causationId,
    ClusterEvent event,
    @JsonInclude(JsonInclude.Include.NON_NULL) String previousHash,
    @JsonInclude(JsonInclude.Include.NON_NULL) String hash) {}
