package dev.upgradetracker.events.cluster;

import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.fleet.ClusterSpec;

/** Everything that can be asked of a cluster. */
public sealed interface ClusterCommand {

  String clusterId();

  record RegisterCluster(ClusterSpec cluster) implements ClusterCommand {
    @Override
    public String clusterId() {
      return cluster.id();
    }
  }

  /** The caller mints the action id, so that a retried request names the same action. */
  record RequestGuestMove(String clusterId, String guest, String toHost, String actionId)
      implements ClusterCommand {}

  record RecordActionResult(String clusterId, ActionResult result) implements ClusterCommand {}
}
