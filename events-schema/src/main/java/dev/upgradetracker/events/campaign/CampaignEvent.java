package dev.upgradetracker.events.campaign;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that can happen to a campaign: the whole vocabulary of the Campaign aggregate. Who
 * acted travels in each event's metadata (team, user); a campaign's progress is the fold of these.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CampaignEvent.CampaignStarted.class, name = "CampaignStarted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.ClusterAdmitted.class, name = "ClusterAdmitted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepAuthorized.class, name = "StepAuthorized.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.ClusterWaitingForWindow.class,
      name = "ClusterWaitingForWindow.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepCompleted.class, name = "StepCompleted.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.ClusterAwaitingApproval.class,
      name = "ClusterAwaitingApproval.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.NodeUpgradeApproved.class,
      name = "NodeUpgradeApproved.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.ClusterAwaitingSlot.class,
      name = "ClusterAwaitingSlot.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.NodeUpgradeSlotGranted.class,
      name = "NodeUpgradeSlotGranted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.ClusterFailed.class, name = "ClusterFailed.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepRetried.class, name = "StepRetried.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepSkipRequested.class, name = "StepSkipRequested.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.ClusterCompleted.class, name = "ClusterCompleted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.CampaignPaused.class, name = "CampaignPaused.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.CampaignResumed.class, name = "CampaignResumed.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.CampaignStopped.class, name = "CampaignStopped.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.CampaignAborted.class, name = "CampaignAborted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.CampaignCompleted.class, name = "CampaignCompleted.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepOverdue.class, name = "StepOverdue.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepStarted.class, name = "StepStarted.v1"),
  @JsonSubTypes.Type(
      value = CampaignEvent.StepHostUnreachable.class,
      name = "StepHostUnreachable.v1"),
  @JsonSubTypes.Type(value = CampaignEvent.StepHostReached.class, name = "StepHostReached.v1")
})
public sealed interface CampaignEvent {

  String campaignId();

  /** The clusters in the order they are taken up. */
  record CampaignStarted(
      String campaignId, String team, List<String> clusterIds, CampaignOptions options)
      implements CampaignEvent {}

  /** The cluster's upgrade begins (a place among the clusters in progress was free). */
  record ClusterAdmitted(String campaignId, String clusterId) implements CampaignEvent {}

  /**
   * The cluster may take its next step, under id {@code stepId}; which step that is, the cluster
   * decides by the procedure's rules.
   *
   * @param slottedHosts the nodes that hold an upgrade slot of their depot and site (null in events
   *     written before upgrade slots: none)
   */
  record StepAuthorized(
      String campaignId,
      String clusterId,
      String stepId,
      UpgradeMode mode,
      boolean approvalRequired,
      List<String> approvedHosts,
      Duration stepTimeout,
      @Nullable List<String> slottedHosts)
      implements CampaignEvent {

    public StepAuthorized {
      slottedHosts = slottedHosts == null ? List.of() : List.copyOf(slottedHosts);
    }
  }

  /** Outside the maintenance window: the cluster's next step waits until {@code opensAt}. */
  record ClusterWaitingForWindow(String campaignId, String clusterId, Instant opensAt)
      implements CampaignEvent {}

  /**
   * @param stepsLeft the steps the cluster's plan still holds after this one; null in events
   *     written before it was counted
   */
  record StepCompleted(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      StepOutcome outcome,
      @Nullable String skipReason,
      @Nullable Integer stepsLeft)
      implements CampaignEvent {}

  /** The cluster's next step upgrades {@code host}, which waits for a team member's approval. */
  record ClusterAwaitingApproval(String campaignId, String clusterId, String stepId, String host)
      implements CampaignEvent {}

  record NodeUpgradeApproved(String campaignId, String clusterId, String host)
      implements CampaignEvent {}

  /**
   * The upgrade of {@code host} waits for a slot of its depot or site, as full as {@code usage}.
   */
  record ClusterAwaitingSlot(
      String campaignId, String clusterId, String stepId, String host, Usage usage)
      implements CampaignEvent {}

  record NodeUpgradeSlotGranted(String campaignId, String clusterId, String host)
      implements CampaignEvent {}

  /**
   * A step failed: its failed host actions with their output, or, when the cluster refused the
   * step, {@code reason}.
   */
  record ClusterFailed(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      List<StepFailure> failures,
      @Nullable String reason)
      implements CampaignEvent {}

  /** The failed step of the cluster is tried again. */
  record StepRetried(String campaignId, String clusterId, String failedStepId)
      implements CampaignEvent {}

  /** The failed step of the cluster is to be waived, for {@code reason}. */
  record StepSkipRequested(String campaignId, String clusterId, String stepId, String reason)
      implements CampaignEvent {}

  /** Every host of the cluster runs 4.0 and every guest has the 4.0 kit. */
  record ClusterCompleted(String campaignId, String clusterId) implements CampaignEvent {}

  record CampaignPaused(String campaignId) implements CampaignEvent {}

  record CampaignResumed(String campaignId) implements CampaignEvent {}

  /** The failure policy stopped the campaign: running actions finish, no new one starts. */
  record CampaignStopped(String campaignId, String reason) implements CampaignEvent {}

  /**
   * The campaign ends unfinished; {@code unfinishedClusters} are released from it, {@code
   * stepsStillRunning} (by cluster) finish and are recorded on their cluster.
   */
  record CampaignAborted(
      String campaignId,
      String reason,
      List<String> unfinishedClusters,
      Map<String, String> stepsStillRunning)
      implements CampaignEvent {}

  record CampaignCompleted(String campaignId) implements CampaignEvent {}

  /**
   * A step has run past three times the usual duration of its command (the 95th percentile of its
   * recent durations, fleet-wide): stuck, perhaps; said once per step.
   */
  record StepOverdue(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      Instant startedAt,
      Duration usual)
      implements CampaignEvent {}

  /**
   * The authorized step began: {@code command} on {@code subject} since {@code startedAt}; {@code
   * usual}: the 95th percentile of that command's recent durations fleet-wide (null while too few
   * are known). Said once per step.
   */
  record StepStarted(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      Instant startedAt,
      @Nullable Duration usual)
      implements CampaignEvent {}

  /**
   * The executor has not reached {@code host}, on which the step runs an action, since {@code
   * since} ({@code error}: why, as the connection said); it keeps trying until the step's timeout.
   */
  record StepHostUnreachable(
      String campaignId, String clusterId, String stepId, String host, Instant since, String error)
      implements CampaignEvent {}

  /** The executor reached {@code host} again, at {@code at}; the step goes on. */
  record StepHostReached(
      String campaignId, String clusterId, String stepId, String host, Instant at)
      implements CampaignEvent {}
}
