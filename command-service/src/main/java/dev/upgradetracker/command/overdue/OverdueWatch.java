package dev.upgradetracker.command.overdue;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.upgradetracker.command.campaign.DriverCommands;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepOverdue;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Looks at the running steps every so often (a db-scheduler task: one command service at a time)
 * and tells each campaign of its step gone past three times its command's usual duration, once.
 */
@Configuration(proxyBeanMethods = false)
class OverdueWatch {

  /** Durations older than this say nothing of today's usual. */
  static final Duration REMEMBERED = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(OverdueWatch.class);

  private final StepTimes steps;
  private final DriverCommands commands;
  private final OverdueSettings settings;
  private final Clock clock = Clock.systemUTC();

  OverdueWatch(StepTimes steps, DriverCommands commands, OverdueSettings settings) {
    this.steps = steps;
    this.commands = commands;
    this.settings = settings;
  }

  @Bean
  RecurringTask<Void> overdueSteps() {
    return Tasks.recurring("overdue-steps", FixedDelay.of(settings.checkEvery()))
        .execute((instance, context) -> look());
  }

  void look() {
    var now = clock.instant();
    var rule = settings.rule();
    for (var step : steps.notToldOverdue()) {
      var usual = rule.of(step.startedAt(), now, steps.recent(step.command(), settings.samples()));
      if (usual.isPresent()) {
        log.warn(
            "step {} ({} {}) of cluster {} has run since {}, over three times its usual {}",
            step.stepId(),
            step.command(),
            step.subject(),
            step.clusterId(),
            step.startedAt(),
            usual.get());
        commands.toCampaign(
            new RecordStepOverdue(
                step.campaignId(),
                step.clusterId(),
                step.stepId(),
                step.command(),
                step.subject(),
                step.startedAt(),
                usual.get()));
        steps.toldOverdue(step);
      }
    }
    steps.forgetBefore(now.minus(REMEMBERED));
  }
}
