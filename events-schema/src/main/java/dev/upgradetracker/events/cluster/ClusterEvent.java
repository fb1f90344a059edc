package dev.upgradetracker.events.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything that can happen to a cluster: the whole vocabulary of the Cluster aggregate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClusterEvent.ClusterRegistered.class, name = "ClusterRegistered.v3"),
  @JsonSubTypes.Type(
      value = ClusterEvent.ClusterInventoryUpdated.class,
      name = "ClusterInventoryUpdated.v2"),
  @JsonSubTypes.Type(
      value = ClusterEvent.HostActionRequested.class,
      name = "HostActionRequested.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.HostActionSucceeded.class,
      name = "HostActionSucceeded.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostActionFailed.class, name = "HostActionFailed.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostUnreachable.class, name = "HostUnreachable.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostReached.class, name = "HostReached.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.GuestsBootVerified.class, name = "GuestsBootVerified.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.HostBackedUp.class, name = "HostBackedUp.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.GuestsBackedUp.class, name = "GuestsBackedUp.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.GuestMoved.class, name = "GuestMoved.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.PackageMoved.class, name = "PackageMoved.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.ClusterNodesHalted.class, name = "ClusterNodesHalted.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.ClusterNodesStarted.class,
      name = "ClusterNodesStarted.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.NodeUpgradeStarted.class, name = "NodeUpgradeStarted.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.NodeUpgraded.class, name = "NodeUpgraded.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.NodeRejoinedCluster.class,
      name = "NodeRejoinedCluster.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.PatchesInstalled.class, name = "PatchesInstalled.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.GuestKitInstalled.class, name = "GuestKitInstalled.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.CampaignAttached.class, name = "CampaignAttached.v1"),
  @JsonSubTypes.Type(value = ClusterEvent.CampaignDetached.class, name = "CampaignDetached.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.CampaignStepStarted.class,
      name = "CampaignStepStarted.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.CampaignStepFinished.class,
      name = "CampaignStepFinished.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.NodeUpgradeAwaitingApproval.class,
      name = "NodeUpgradeAwaitingApproval.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.NodeUpgradeAwaitingSlot.class,
      name = "NodeUpgradeAwaitingSlot.v1"),
  @JsonSubTypes.Type(
      value = ClusterEvent.CampaignUpgradeFinished.class,
      name = "CampaignUpgradeFinished.v1")
})
public sealed interface ClusterEvent {

  String clusterId();

  record ClusterRegistered(
      String clusterId,
      String team,
      Topology topology,
      boolean clusterLock,
      List<VmHost> hosts,
      List<Guest> guests,
      List<AppPackage> packages,
      @Nullable String site)
      implements ClusterEvent {

    /** The cluster as its spec lists it; a spec without guests or packages has none. */
    public static ClusterRegistered of(ClusterSpec spec) {
      return new ClusterRegistered(
          spec.id(),
          spec.team(),
          spec.topology(),
          spec.clusterLock(),
          spec.hosts(),
          Objects.requireNonNullElse(spec.guests(), List.of()),
          Objects.requireNonNullElse(spec.packages(), List.of()),
          spec.site());
    }
  }

  /**
   * The cluster's inventory as corrected or changed; what was done to unchanged hosts and guests
   * stays.
   */
  record ClusterInventoryUpdated(
      String clusterId,
      Topology topology,
      boolean clusterLock,
      List<VmHost> hosts,
      List<Guest> guests,
      List<AppPackage> packages,
      @Nullable String site)
      implements ClusterEvent {}

  /**
   * A host action was asked of the executor; the action id is minted before anything runs. {@code
   * depot}: the software depot the host installs from, where its inventory names one.
   */
  record HostActionRequested(
      String clusterId,
      String actionId,
      String host,
      String sshAddress,
      HostAction action,
      @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String depot)
      implements ClusterEvent {

    /** A request for a host that installs from the executor's default depot. */
    public HostActionRequested(
        String clusterId, String actionId, String host, String sshAddress, HostAction action) {
      this(clusterId, actionId, host, sshAddress, action, null);
    }
  }

  record HostActionSucceeded(String clusterId, String actionId, String host, ActionOutcome outcome)
      implements ClusterEvent {}

  record HostActionFailed(String clusterId, String actionId, String host, ActionOutcome outcome)
      implements ClusterEvent {}

  /**
   * The executor could not reach {@code host} for action {@code actionId} since {@code since}
   * ({@code error}: what the connection said) and keeps trying; {@code campaignId} and {@code
   * stepId} name the campaign step the action belongs to (null for an action asked by hand).
   */
  record HostUnreachable(
      String clusterId,
      String actionId,
      String host,
      Instant since,
      String error,
      @Nullable String campaignId,
      @Nullable String stepId)
      implements ClusterEvent {}

  /** The executor reached {@code host} again, at {@code at}, for action {@code actionId}. */
  record HostReached(
      String clusterId,
      String actionId,
      String host,
      Instant at,
      @Nullable String campaignId,
      @Nullable String stepId)
      implements ClusterEvent {}

  record GuestsBootVerified(String clusterId, String host, List<String> guests, String actionId)
      implements ClusterEvent {}

  record HostBackedUp(String clusterId, String host, String actionId) implements ClusterEvent {}

  record GuestsBackedUp(String clusterId, String host, List<String> guests, String actionId)
      implements ClusterEvent {}

  record GuestMoved(String clusterId, String guest, String fromHost, String toHost, String actionId)
      implements ClusterEvent {}

  record PackageMoved(
      String clusterId, String packageName, String fromNode, String toNode, String actionId)
      implements ClusterEvent {}

  /** The guest nodes on {@code host} left the cluster and were stopped. */
  record ClusterNodesHalted(String clusterId, String host, List<String> guests, String actionId)
      implements ClusterEvent {}

  /** The guest nodes on {@code host} were started and rejoined the cluster. */
  record ClusterNodesStarted(String clusterId, String host, List<String> guests, String actionId)
      implements ClusterEvent {}

  record NodeUpgradeStarted(
      String clusterId, String host, UpgradeMode mode, boolean serviceguardUpdated, String actionId)
      implements ClusterEvent {}

  /**
   * The host runs the new versions; a cold-migrated node is out of the cluster until it rejoins.
   */
  record NodeUpgraded(
      String clusterId,
      String host,
      UpgradeMode mode,
      String hpuxVersion,
      String ivmVersion,
      String serviceguardVersion,
      String actionId)
      implements ClusterEvent {}

  record NodeRejoinedCluster(String clusterId, String host) implements ClusterEvent {}

  record PatchesInstalled(String clusterId, String host, String actionId) implements ClusterEvent {}

  record GuestKitInstalled(String clusterId, String guest, String kitVersion, String actionId)
      implements ClusterEvent {}

  record CampaignAttached(String clusterId, String campaignId) implements ClusterEvent {}

  record CampaignDetached(String clusterId, String campaignId) implements ClusterEvent {}

  /**
   * The campaign's step {@code stepId} began: {@code command} on {@code subject}, as the host
   * actions {@code actionIds}; if they have not all reported by {@code timesOutAt}, it fails. The
   * plan then counted {@code stepsRemaining} steps, this one included.
   */
  record CampaignStepStarted(
      String clusterId,
      String campaignId,
      String stepId,
      String command,
      String subject,
      List<String> actionIds,
      Instant timesOutAt,
      int stepsRemaining)
      implements ClusterEvent {}

  /**
   * Every host action of the step reported (or timed out), or the step was waived.
   *
   * @param stepsLeft the steps the cluster's plan still holds after this one (a failed step counts
   *     among them: it is taken up again); null in events written before it was counted
   */
  record CampaignStepFinished(
      String clusterId,
      String campaignId,
      String stepId,
      String command,
      String subject,
      StepOutcome outcome,
      List<StepFailure> failures,
      @Nullable String skipReason,
      @Nullable Integer stepsLeft)
      implements ClusterEvent {}

  /** The next step would upgrade {@code host}; the campaign asks for approval first. */
  record NodeUpgradeAwaitingApproval(
      String clusterId, String campaignId, String stepId, String host) implements ClusterEvent {}

  /**
   * The next step would upgrade {@code host}; it needs a slot of its depot ({@code depot}: the
   * host's depot server, or {@code default}) and of the cluster's site first.
   */
  record NodeUpgradeAwaitingSlot(
      String clusterId,
      String campaignId,
      String stepId,
      String host,
      String team,
      String depot,
      @Nullable String site)
      implements ClusterEvent {}

  /** Nothing is left to do: every host runs 4.0 and every guest has the 4.0 kit. */
  record CampaignUpgradeFinished(String clusterId, String campaignId, String stepId)
      implements ClusterEvent {}
}
