package dev.upgradetracker.command.overdue;

import dev.upgradetracker.command.campaign.DriverCommands;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
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
  private final Clock clock;

  @Autowired
  StepTimesRecorder(StepTimes steps, DriverCommands commands, OverdueSettings settings) {
    this(steps, commands, settings, Clock.systemUTC());
  }

  StepTimesRecorder(
      StepTimes steps, DriverCommands commands, OverdueSettings settings, Clock clock) {
    this.steps = steps;
    this.commands = commands;
    this.settings = settings;
    this.clock = clock;
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
    // a step whose time is up has ended, one way or the other: a processor catching up on old
    // history (its first start on an existing store) tells no campaign of it
    if (isNew && started.timesOutAt().isAfter(clock.instant())) {
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
