package dev.upgradetracker.query.cluster;

import dev.upgradetracker.events.fleet.Topology;
import java.time.Instant;
import java.util.List;

/**
 * What a dashboard shows of one cluster. {@code lastSequence} is the cluster position this view has
 * folded in (-1: nothing yet); events at or below it are skipped, so a re-delivered event changes
 * nothing.
 */
public record ClusterView(
    String clusterId,
    String team,
    Topology topology,
    List<HostView> hosts,
    List<GuestView> guests,
    List<PackageView> packages,
    List<ActionView> actions,
    long lastSequence,
    Instant lastEventAt) {

  public static ClusterView empty(String clusterId) {
    return new ClusterView(
        clusterId, null, null, List.of(), List.of(), List.of(), List.of(), -1, null);
  }

  /**
   * {@code upgrading}: its upgrade started and has not completed; {@code member}: a cluster node.
   */
  public ClusterView withHosts(List<HostView> next) {
    return new ClusterView(
        clusterId, team, topology, next, guests, packages, actions, lastSequence, lastEventAt);
  }

  public ClusterView withGuests(List<GuestView> next) {
    return new ClusterView(
        clusterId, team, topology, hosts, next, packages, actions, lastSequence, lastEventAt);
  }

  public ClusterView withPackages(List<PackageView> next) {
    return new ClusterView(
        clusterId, team, topology, hosts, guests, next, actions, lastSequence, lastEventAt);
  }

  public ClusterView withActions(List<ActionView> next) {
    return new ClusterView(
        clusterId, team, topology, hosts, guests, packages, next, lastSequence, lastEventAt);
  }

  /** The same view, having folded in the event at {@code sequence}. */
  public ClusterView at(long sequence, Instant eventTime) {
    return new ClusterView(
        clusterId, team, topology, hosts, guests, packages, actions, sequence, eventTime);
  }

  public record HostView(
      String name,
      String hpuxVersion,
      String ivmVersion,
      String serviceguardVersion,
      boolean upgrading,
      boolean member) {}

  /** {@code member}: in GUESTS_AS_NODES clusters, whether the guest is a cluster node now. */
  public record GuestView(String name, String host, String kitVersion, boolean member) {}

  public record PackageView(String name, String node) {}

  /** A host action and, once reported, how it ended. */
  public record ActionView(
      String actionId,
      String host,
      String summary,
      String status,
      Integer exitCode,
      String output) {}
}
