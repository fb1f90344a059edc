package dev.upgradetracker.events.fleet;

import java.util.List;

/**
 * One cluster as written in a fleet file or a registration request.
 *
 * @param clusterLock whether the cluster has a lock disk or quorum server: with one, losing exactly
 *     half of the members keeps quorum (R6)
 * @param packages application packages; they exist in GUESTS_AS_NODES clusters, where they run on
 *     the guests (in GUESTS_AS_PACKAGES clusters the guests themselves are the packages)
 */
public record ClusterSpec(
    String id,
    String team,
    Topology topology,
    boolean clusterLock,
    List<VmHost> hosts,
    List<Guest> guests,
    List<AppPackage> packages) {}
