package dev.upgradetracker.command.overdue;

import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps {@link StepTimes} from the clusters' step events, in this processor's transaction. */
@Component
@ProcessingGroup(StepTimesRecorder.PROCESSING_GROUP)
class StepTimesRecorder {

  static final String PROCESSING_GROUP = "step-times";

  private final StepTimes steps;

  StepTimesRecorder(StepTimes steps) {
    this.steps = steps;
  }

  @EventHandler
  void on(CampaignStepStarted started, @Timestamp Instant at) {
    steps.started(
        new StepTimes.Running(
            started.clusterId(),
            started.stepId(),
            started.campaignId(),
            started.command(),
            started.subject(),
            at));
  }

  @EventHandler
  void on(CampaignStepFinished finished, @Timestamp Instant at) {
    steps.finished(finished.clusterId(), finished.stepId(), at);
  }
}
