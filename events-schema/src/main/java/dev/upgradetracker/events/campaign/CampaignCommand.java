package dev.upgradetracker.events.campaign;

import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything that can be asked of a campaign. {@code now} is the clock reading the decision uses
 * (the maintenance window), passed in so that the rules stay pure functions.
 */
public sealed interface CampaignCommand {

  String campaignId();

  record StartCampaign(
      String campaignId, String team, List<String> clusterIds, CampaignOptions options, Instant now)
      implements CampaignCommand {}

  record PauseCampaign(String campaignId) implements CampaignCommand {}

  record ResumeCampaign(String campaignId, Instant now) implements CampaignCommand {}

  record AbortCampaign(String campaignId, String reason) implements CampaignCommand {}

  record RetryStep(String campaignId, String clusterId, Instant now) implements CampaignCommand {}

  record SkipStep(String campaignId, String clusterId, String reason, Instant now)
      implements CampaignCommand {}

  record ApproveNodeUpgrade(String campaignId, String clusterId, String host, Instant now)
      implements CampaignCommand {}

  /** The maintenance window opened: clusters waiting for it go on. */
  record OpenWindow(String campaignId, Instant now) implements CampaignCommand {}

  /**
   * The cluster reports how the authorized step ended, and how many steps its plan still holds
   * ({@code stepsLeft}, null when the cluster did not say).
   */
  record RecordStepFinished(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      StepOutcome outcome,
      List<StepFailure> failures,
      String reason,
      Integer stepsLeft,
      Instant now)
      implements CampaignCommand {}

  record RecordAwaitingApproval(String campaignId, String clusterId, String stepId, String host)
      implements CampaignCommand {}

  /**
   * The cluster's step {@code stepId} ({@code command} on {@code subject}, since {@code startedAt})
   * has run past three times {@code usual}, the 95th percentile of its command's recent durations.
   */
  record RecordStepOverdue(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      Instant startedAt,
      Duration usual)
      implements CampaignCommand {}

  /**
   * The cluster's step {@code stepId} began: {@code command} on {@code subject} at {@code
   * startedAt}, usually lasting {@code usual} (null while unknown).
   */
  record RecordStepStarted(
      String campaignId,
      String clusterId,
      String stepId,
      String command,
      String subject,
      Instant startedAt,
      @Nullable Duration usual)
      implements CampaignCommand {}

  /**
   * The executor cannot reach {@code host}, where step {@code stepId} runs, since {@code since}.
   */
  record RecordHostUnreachable(
      String campaignId, String clusterId, String stepId, String host, Instant since, String error)
      implements CampaignCommand {}

  /** The executor reached {@code host} again at {@code at}. */
  record RecordHostReached(
      String campaignId, String clusterId, String stepId, String host, Instant at)
      implements CampaignCommand {}

  /** The cluster's step {@code stepId} would upgrade {@code host}, whose depot or site is full. */
  record RecordAwaitingSlot(
      String campaignId, String clusterId, String stepId, String host, Usage usage, Instant now)
      implements CampaignCommand {}

  /** {@code host}, which step {@code stepId} would upgrade, holds a slot now. */
  record RecordSlotGranted(
      String campaignId, String clusterId, String stepId, String host, Instant now)
      implements CampaignCommand {}

  /** The cluster found nothing left to do: it is upgraded. */
  record RecordClusterFinished(String campaignId, String clusterId, String stepId, Instant now)
      implements CampaignCommand {}
}
