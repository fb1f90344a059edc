package dev.upgradetracker.command.overdue;

import dev.upgradetracker.command.campaign.DriverCommands;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StepTimes} from the clusters' step events, in this processor's transaction, and
 * tells each campaign what its step runs and how long that usually takes.
 */
@Component
@ProcessingGroup(StepTimesRecorder.PROCESSING_GROUP)
class StepTimesRecorder {

  static final String PROCESSING_GROUP = "step-times";

  private final StepTimes steps;
  private final DriverCommands commands;
  private final OverdueSettings settings;

  StepTimesRecorder(StepTimes steps, DriverCommands commands, OverdueSettings settings) {
    this.steps = steps;
    this.commands = commands;
    this.settings = settings;
  }

  @EventHandler
  void on(CampaignStepStarted started, @Timestamp Instant at) {
    boolean isNew =
        steps.started(
            new StepTimes.Running(
                started.clusterId(),
                started.stepId(),
                started.campaignId(),
                started.command(),
                started.subject(),
                at));
    if (isNew) {
      var usual = settings.rule().usual(steps.recent(started.command(), settings.samples()));
      commands.toCampaign(
          new RecordStepStarted(
              started.campaignId(),
              started.clusterId(),
              started.stepId(),
              started.command(),
              started.subject(),
              at,
              usual.orElse(null)));
    }
  }

  @EventHandler
  void on(CampaignStepFinished finished, @Timestamp Instant at) {
    steps.finished(finished.clusterId(), finished.stepId(), at);
  }
}
