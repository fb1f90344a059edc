package dev.upgradetracker.query.history;

import dev.upgradetracker.events.EventEnvelope;

/**
 * A cluster event as the history keeps it: the envelope, the team owning the cluster and the
 * campaign it was attached to at that moment (null outside campaigns).
 */
public record AuditRecord(EventEnvelope envelope, String owner, String campaignId) {}
