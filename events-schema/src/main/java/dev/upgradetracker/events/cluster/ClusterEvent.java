package dev.upgradetracker.events.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.List;

/** Everything that can happen to a cluster: the whole vocabulary of the Cluster aggregate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClusterEvent.ClusterRegistered.class, name = "ClusterRegistered.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostActionRequested.class, name = "HostActionRequested.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostActionSucceeded.class, name = "HostActionSucceeded.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostActionFailed.class, name = "HostActionFailed.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.GuestMoved.class, name = "GuestMoved.v1")
})
public sealed interface ClusterEvent {

  String clusterId();

  record ClusterRegistered(
      String clusterId, String team, Topology topology, List<VmHost> hosts, List<Guest> guests)
      implements ClusterEvent {}

  /** A host action was asked of the executor; the action id is minted before anything runs. */
  record HostActionRequested(
      String clusterId, String actionId, String host, String sshAddress, HostAction action)
      implements ClusterEvent {}

  record HostActionSucceeded(String clusterId, String actionId, String host, ActionOutcome outcome)
      implements ClusterEvent {}

  record HostActionFailed(String clusterId, String actionId, String host, ActionOutcome outcome)
      implements ClusterEvent {}

  record GuestMoved(
      String clusterId, String guest, String fromHost, String toHost, String actionId)
      implements ClusterEvent {}
}
