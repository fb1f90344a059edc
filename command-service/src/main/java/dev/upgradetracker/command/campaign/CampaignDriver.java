package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.CommandMessages;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordClusterFinished;
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
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

  static final String PROCESSING_GROUP = "campaign-driver";
  private static final Logger log = LoggerFactory.getLogger(CampaignDriver.class);

  private final CommandGateway commands;
  private final CampaignStarters starters;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

  CampaignDriver(CommandGateway commands, CampaignStarters starters) {
    this.commands = commands;
    this.starters = starters;
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
                Instant.now()),
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
            Instant.now()));
  }

  /** A refusal is the cluster's answer, returned; anything else is retried by the processor. */
  @SuppressWarnings("try") // its resources are log-context entries, removed when closed
  private CommandRefused tryCluster(ClusterCommand command, String campaignId) {
    try (var cluster = MDC.putCloseable("clusterId", command.clusterId());
        var campaign = MDC.putCloseable("campaignId", campaignId)) {
      send(new ClusterCommandDispatch(command), campaignId);
      return null;
    } catch (CommandRefused refusal) {
      log.info("{} refused: {}", command.getClass().getSimpleName(), refusal.getMessage());
      return refusal;
    }
  }

  @SuppressWarnings("try") // its resources are log-context entries, removed when closed
  private void sendToCampaign(CampaignCommand command) {
    try (var campaign = MDC.putCloseable("campaignId", command.campaignId())) {
      send(new CampaignCommandDispatch(command), command.campaignId());
    } catch (CommandRefused refusal) {
      log.warn("{} refused: {}", command.getClass().getSimpleName(), refusal.getMessage());
    }
  }

  private void send(Object dispatch, String campaignId) {
    var message =
        CommandMessages.of(
            dispatch,
            Map.of(
                TraceKeys.CORRELATION_ID,
                campaignId,
                TraceKeys.USER,
                PROCESSING_GROUP,
                TraceKeys.ON_BEHALF_OF,
                starters.of(campaignId)));
    try {
      var logContext = MDC.getCopyOfContextMap();
      senders
          .submit(
              () -> {
                if (logContext != null) {
                  MDC.setContextMap(logContext);
                }
                return commands.sendAndWait(message);
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while driving campaign " + campaignId, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
