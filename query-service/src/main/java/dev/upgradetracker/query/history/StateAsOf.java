package dev.upgradetracker.query.history;

import dev.upgradetracker.query.cluster.ClusterView;
import java.time.Instant;

/**
 * A cluster as it stood after its event at {@code position} (the last at or before {@code asOf}
 * when asked by instant), rebuilt by replaying its history up to there.
 */
public record StateAsOf(String clusterId, Instant asOf, long position, ClusterView state) {}
