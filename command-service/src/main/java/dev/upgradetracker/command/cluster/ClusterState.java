package dev.upgradetracker.command.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.Map;
import java.util.Set;

/** A cluster's lifecycle as the command side sees it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClusterState.Unregistered.class, name = "Unregistered"),
  @JsonSubTypes.Type(value = ClusterState.Registered.class, name = "Registered")
})
public sealed interface ClusterState {

  record Unregistered() implements ClusterState {}

  /**
   * @param guestHosts where each guest runs
   * @param pendingActions host actions requested and not yet reported, by action id
   * @param finishedActions action ids already reported, so a repeated report changes nothing
   */
  record Registered(
      String clusterId,
      String team,
      Topology topology,
      Map<String, VmHost> hosts,
      Map<String, String> guestHosts,
      Map<String, PendingAction> pendingActions,
      Set<String> finishedActions)
      implements ClusterState {}

  record PendingAction(String actionId, String host, HostAction action) {}
}
