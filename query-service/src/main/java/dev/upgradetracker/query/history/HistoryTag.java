package dev.upgradetracker.query.history;

/**
 * What the time index knows of an event without reading it: the team owning its cluster or
 * campaign, and its campaign. For a cluster, {@code lastSequence} is the last event indexed.
 */
record HistoryTag(String owner, String campaignId, long lastSequence) {

  static final HistoryTag NONE = new HistoryTag(null, null, -1);
}
