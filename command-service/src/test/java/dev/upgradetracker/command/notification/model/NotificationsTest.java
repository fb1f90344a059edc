package dev.upgradetracker.command.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationsTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aFailedClusterTellsItsTeamThatItWaitsForARetryOrASkip() {
    var failed = new ClusterFailed("c1", "k1", "step-3", "UpgradeNode", "h2", List.of(), "exit 1");

    var told = Notifications.of(failed, "event-1", AT).orElseThrow().apply("alpha");

    assertThat(told.kind()).isEqualTo(NotificationKind.STEP_FAILED);
    assertThat(told.id()).as("the event's id: a replay makes the same").isEqualTo("event-1");
    assertThat(told.team()).isEqualTo("alpha");
    assertThat(told.clusterId()).isEqualTo("k1");
    assertThat(told.summary()).contains("UpgradeNode h2").contains("exit 1").contains("retry");
  }

  @Test
  void aNodeAwaitingApprovalNamesTheNodeAndTheTeamWhoseApproverMustAct() {
    var told =
        Notifications.of(new ClusterAwaitingApproval("c1", "k1", "s", "h2"), "e", AT)
            .orElseThrow()
            .apply("alpha");

    assertThat(told.kind()).isEqualTo(NotificationKind.APPROVAL_NEEDED);
    assertThat(told.host()).isEqualTo("h2");
    assertThat(told.summary()).contains("h2").contains("approver of team alpha");
  }

  @Test
  void aCampaignCompletedStoppedOrAbortedIsFinishedWithHowItEnded() {
    assertThat(told(new CampaignCompleted("c1")))
        .hasValueSatisfying(n -> assertThat(n.summary()).endsWith("completed"));
    assertThat(told(new CampaignStopped("c1", "2 clusters failed")))
        .hasValueSatisfying(n -> assertThat(n.kind()).isEqualTo(NotificationKind.CAMPAIGN_FINISHED))
        .hasValueSatisfying(n -> assertThat(n.summary()).contains("2 clusters failed"));
    assertThat(told(new CampaignAborted("c1", "window closed", List.of("k1"), Map.of())))
        .hasValueSatisfying(n -> assertThat(n.summary()).contains("aborted: window closed"));
  }

  @Test
  void anOverdueStepIsToldAsStuckWithItsHostAndUsualDuration() {
    var told =
        told(new StepOverdue(
                "c1", "k1", "s", "BackUpHost", "h2", AT.minusSeconds(900), Duration.ofMinutes(4)))
            .orElseThrow();

    assertThat(told.kind()).isEqualTo(NotificationKind.STUCK);
    assertThat(told.host()).isEqualTo("h2");
    assertThat(told.summary()).contains("BackUpHost h2").contains("240 s").contains("stuck?");
  }

  @Test
  void routineProgressTellsNobody() {
    assertThat(Notifications.of(new CampaignPaused("c1"), "e", AT)).isEmpty();
    assertThat(Notifications.of(new ClusterCompleted("c1", "k1"), "e", AT)).isEmpty();
  }

  private static Optional<Notification> told(CampaignEvent event) {
    return Notifications.of(event, "e", AT).map(notification -> notification.apply("alpha"));
  }
}
