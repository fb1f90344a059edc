package dev.upgradetracker.events;

import dev.upgradetracker.events.cluster.ClusterEvent;
import java.time.Instant;

/**
 * A committed event as it travels on {@code upgrade.events}: the domain event plus who, when and
 * why. {@code sequence} is the event's position in its cluster's history, starting at 0.
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
    ClusterEvent event) {}
