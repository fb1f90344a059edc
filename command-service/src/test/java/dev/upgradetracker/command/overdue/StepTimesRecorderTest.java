package dev.upgradetracker.command.overdue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.upgradetracker.command.campaign.DriverCommands;
import dev.upgradetracker.events.campaign.CampaignCommand.RecordStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which step starts the campaign is told of, with what usual duration. */
class StepTimesRecorderTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private final StepTimes steps = mock(StepTimes.class);
  private final DriverCommands commands = mock(DriverCommands.class);
  private final StepTimesRecorder recorder =
      new StepTimesRecorder(
          steps,
          commands,
          new OverdueSettings(Duration.ofSeconds(15), 2, Duration.ofMinutes(2), 200),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aStepJustStartedIsToldToItsCampaignWithItsCommandsUsualDuration() {
    when(steps.started(any())).thenReturn(true);
    when(steps.recent("BackUpHost", 200))
        .thenReturn(List.of(Duration.ofSeconds(40), Duration.ofSeconds(90)));

    recorder.on(started(NOW.plus(Duration.ofHours(2))), NOW);

    verify(commands)
        .toCampaign(
            new RecordStepStarted(
                "spring", "c1", "spring/c1/3", "BackUpHost", "h1", NOW, Duration.ofSeconds(90)));
  }

  @Test
  void theSameStartDeliveredAgainIsNotToldAgain() {
    when(steps.started(any())).thenReturn(false);

    recorder.on(started(NOW.plus(Duration.ofHours(2))), NOW);

    verify(commands, never()).toCampaign(any());
  }

  @Test
  void aStepWhoseTimeIsUpIsOldHistoryAndNoCampaignIsTold() {
    when(steps.started(any())).thenReturn(true);

    recorder.on(started(NOW.minusSeconds(1)), NOW.minus(Duration.ofHours(3)));

    verify(commands, never()).toCampaign(any());
  }

  private static CampaignStepStarted started(Instant timesOutAt) {
    return new CampaignStepStarted(
        "c1", "spring", "spring/c1/3", "BackUpHost", "h1", List.of("a1"), timesOutAt, 12);
  }
}
