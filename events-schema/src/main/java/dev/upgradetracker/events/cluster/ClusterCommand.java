package dev.upgradetracker.events.cluster;

import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything that can be asked of a cluster. Commands that start host actions carry an action id
 * minted by the caller, so that a retried request names the same action and changes nothing.
 */
public sealed interface ClusterCommand {

  String clusterId();

  record RegisterCluster(ClusterSpec cluster) implements ClusterCommand {
    @Override
    public String clusterId() {
      return cluster.id();
    }
  }

  /**
   * Replaces the cluster's inventory (hosts, guests, packages, topology, lock); the team stays.
   * While hosts run mixed versions, R7 allows no change of membership or topology.
   */
  record UpdateCluster(ClusterSpec cluster) implements ClusterCommand {
    @Override
    public String clusterId() {
      return cluster.id();
    }
  }

  /** Verify that every guest of the cluster boots: one host action per host with guests. */
  record VerifyGuestsBoot(String clusterId, String actionId) implements ClusterCommand {}

  record BackUpHost(String clusterId, String host, String actionId) implements ClusterCommand {}

  /** Back up every guest of the cluster: one host action per host with guests. */
  record BackUpGuests(String clusterId, String actionId) implements ClusterCommand {}

  /**
   * Guests as packages: move {@code guest} to {@code toHost}, or, with {@code awayFrom}, every
   * guest off that node, each to the valid node running the fewest guests (ties: by name).
   */
  record MoveGuests(String clusterId, String guest, String toHost, String awayFrom, String actionId)
      implements ClusterCommand {}

  /**
   * Guests as nodes: move {@code packageName} to guest node {@code toNode}, or, with {@code
   * awayFromHost}, every package off the guests on that host, each to its first valid eligible
   * node.
   */
  record MovePackages(
      String clusterId, String packageName, String toNode, String awayFromHost, String actionId)
      implements ClusterCommand {}

  /** Guests as nodes: the guest nodes on {@code host} leave the cluster together and stop. */
  record HaltClusterNodes(String clusterId, String host, String actionId)
      implements ClusterCommand {}

  /** Guests as nodes: the guests on {@code host} start and rejoin the cluster. */
  record RunClusterNodes(String clusterId, String host, String actionId)
      implements ClusterCommand {}

  record UpgradeNode(String clusterId, String host, UpgradeMode mode, String actionId)
      implements ClusterCommand {}

  /** A cold-migrated node rejoins by cluster reconfiguration (R7: only when no host runs 3.x). */
  record RejoinNode(String clusterId, String host) implements ClusterCommand {}

  record InstallPatches(String clusterId, String host, String actionId) implements ClusterCommand {}

  /** Install the 4.0 guest kit on {@code guest}, or on every guest without it when null. */
  record InstallGuestKit(String clusterId, String guest, String actionId)
      implements ClusterCommand {}

  record RecordActionResult(String clusterId, ActionResult result) implements ClusterCommand {}

  /** R9: a cluster takes part in one active campaign at a time. */
  record AttachCampaign(String clusterId, String campaignId) implements ClusterCommand {}

  record DetachCampaign(String clusterId, String campaignId) implements ClusterCommand {}

  /**
   * A campaign's next step on this cluster, under {@code stepId}: the cluster picks it by the
   * procedure (the same order as the plan). A node upgrade not in {@code approvedHosts} waits for
   * approval when {@code approvalRequired}, then, when {@code slotRequired}, for a slot of its
   * depot and site unless it is in {@code slottedHosts}. Repeating a step id changes nothing.
   */
  record AdvanceCampaign(
      String clusterId,
      String campaignId,
      String stepId,
      UpgradeMode mode,
      boolean approvalRequired,
      List<String> approvedHosts,
      Duration stepTimeout,
      Instant now,
      boolean slotRequired,
      List<String> slottedHosts)
      implements ClusterCommand {}

  /** Waive the campaign's failed step {@code stepId}, for {@code reason}. */
  record SkipCampaignStep(String clusterId, String campaignId, String stepId, String reason)
      implements ClusterCommand {}

  /** The step's time ran out: its host actions still unreported count as failed. */
  record TimeOutCampaignStep(String clusterId, String stepId, Instant now)
      implements ClusterCommand {}
}
