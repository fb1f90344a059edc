package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.command.slots.UpgradeSlotSettings;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostReached;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepFinished;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.AdvanceCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.AttachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.DetachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.SkipCampaignStep;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignUpgradeFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.HostReached;
import dev.upgradetracker.events.cluster.ClusterEvent.HostUnreachable;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.StepOutcome;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The campaign's process: it carries each decision of a campaign to its cluster and each cluster's
 * report back to the campaign. It holds no state of its own: the campaign and the clusters are
 * event-sourced, and this processor's position in the event store is a token in the same database.
 * Every event may arrive twice (after a crash); each command it sends is idempotent by step id, so
 * no step is started twice and none is lost.
 *
 * <p>Each command runs on a thread of its own, in its own transaction: a refused command must not
 * mark the processor's transaction for rollback. The token moves only after the command is done.
 */
@Component
@ProcessingGroup(CampaignDriver.PROCESSING_GROUP)
class CampaignDriver {

  static final String PROCESSING_GROUP = DriverCommands.PROCESSING_GROUP;
  private static final Logger log = LoggerFactory.getLogger(CampaignDriver.class);

  private final DriverCommands driverCommands;
  private final UpgradeSlotSettings slots;

  CampaignDriver(DriverCommands driverCommands, UpgradeSlotSettings slots) {
    this.driverCommands = driverCommands;
    this.slots = slots;
  }

  @EventHandler
  void on(CampaignStarted started) {
    for (var clusterId : started.clusterIds()) {
      tryCluster(new AttachCampaign(clusterId, started.campaignId()), started.campaignId());
    }
  }

  @EventHandler
  void on(StepAuthorized step) {
    var refusal =
        tryCluster(
            new AdvanceCampaign(
                step.clusterId(),
                step.campaignId(),
                step.stepId(),
                step.mode(),
                step.approvalRequired(),
                step.approvedHosts(),
                step.stepTimeout(),
                Instant.now(),
                slots.required(),
                step.slottedHosts()),
            step.campaignId());
    if (refusal != null) {
      reportRefused(step.campaignId(), step.clusterId(), step.stepId(), refusal);
    }
  }

  @EventHandler
  void on(StepSkipRequested skip) {
    var refusal =
        tryCluster(
            new SkipCampaignStep(skip.clusterId(), skip.campaignId(), skip.stepId(), skip.reason()),
            skip.campaignId());
    if (refusal != null) {
      reportRefused(skip.campaignId(), skip.clusterId(), skip.stepId(), refusal);
    }
  }

  @EventHandler
  void on(CampaignAborted aborted) {
    for (var clusterId : aborted.unfinishedClusters()) {
      tryCluster(new DetachCampaign(clusterId, aborted.campaignId()), aborted.campaignId());
    }
  }

  @EventHandler
  void on(CampaignStepFinished finished) {
    sendToCampaign(
        new RecordStepFinished(
            finished.campaignId(),
            finished.clusterId(),
            finished.stepId(),
            finished.command(),
            finished.subject(),
            finished.outcome(),
            finished.failures(),
            finished.skipReason(),
            finished.stepsLeft(),
            Instant.now()));
  }

  @EventHandler
  void on(NodeUpgradeAwaitingApproval awaiting) {
    sendToCampaign(
        new RecordAwaitingApproval(
            awaiting.campaignId(), awaiting.clusterId(), awaiting.stepId(), awaiting.host()));
  }

  @EventHandler
  void on(CampaignUpgradeFinished finished) {
    sendToCampaign(
        new RecordClusterFinished(
            finished.campaignId(), finished.clusterId(), finished.stepId(), Instant.now()));
  }

  /** A host its campaign step cannot reach (an action asked by hand has no campaign to tell). */
  @EventHandler
  void on(HostUnreachable unreachable) {
    if (unreachable.campaignId() != null) {
      sendToCampaign(
          new RecordHostUnreachable(
              unreachable.campaignId(),
              unreachable.clusterId(),
              unreachable.stepId(),
              unreachable.host(),
              unreachable.since(),
              unreachable.error()));
    }
  }

  @EventHandler
  void on(HostReached reached) {
    if (reached.campaignId() != null) {
      sendToCampaign(
          new RecordHostReached(
              reached.campaignId(),
              reached.clusterId(),
              reached.stepId(),
              reached.host(),
              reached.at()));
    }
  }

  private void reportRefused(
      String campaignId, String clusterId, String stepId, CommandRefused refusal) {
    sendToCampaign(
        new RecordStepFinished(
            campaignId,
            clusterId,
            stepId,
            null,
            null,
            StepOutcome.FAILED,
            List.of(),
            "the cluster refused the step: " + refusal.getMessage(),
            null,
            Instant.now()));
  }

  /** A refusal is the cluster's answer, returned; anything else is retried by the processor. */
  @SuppressWarnings("try") // its resources are log-context entries, removed when closed
  private CommandRefused tryCluster(ClusterCommand command, String campaignId) {
    try (var cluster = MDC.putCloseable("clusterId", command.clusterId());
        var campaign = MDC.putCloseable("campaignId", campaignId)) {
      driverCommands.send(new ClusterCommandDispatch(command), campaignId);
      return null;
    } catch (CommandRefused refusal) {
      log.info("{} refused: {}", command.getClass().getSimpleName(), refusal.getMessage());
      return refusal;
    }
  }

  private void sendToCampaign(CampaignCommand command) {
    driverCommands.toCampaign(command);
  }
}
