package dev.upgradetracker.query.activity;

import java.time.Instant;

/** One event as an activity feed shows it: who did what to which cluster, when. */
public record ActivityEntry(
    String clusterId,
    long position,
    Instant at,
    String team,
    String user,
    String type,
    String summary) {}
