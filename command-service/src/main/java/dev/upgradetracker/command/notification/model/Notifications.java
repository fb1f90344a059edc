package dev.upgradetracker.command.notification.model;

import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignAborted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignPaused;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignResumed;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStopped;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingApproval;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAwaitingSlot;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterFailed;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeApproved;
import dev.upgradetracker.events.campaign.CampaignEvent.NodeUpgradeSlotGranted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostReached;
import dev.upgradetracker.events.campaign.CampaignEvent.StepHostUnreachable;
import dev.upgradetracker.events.campaign.CampaignEvent.StepOverdue;
import dev.upgradetracker.events.campaign.CampaignEvent.StepRetried;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.campaign.CampaignEvent.StepStarted;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Which campaign events a team is told of, and how. */
public final class Notifications {

  private Notifications() {}

  /**
   * The notification an event makes, if any, once given the campaign's team (looked up only for an
   * event that tells); its id is the event's, so a replayed event makes the same one.
   */
  public static Optional<Function<String, Notification>> of(
      CampaignEvent event, String eventId, Instant at) {
    var campaign = event.campaignId();
    return switch (event) {
      case ClusterFailed failed ->
          Optional.of(
              team ->
                  new Notification(
                      eventId,
                      NotificationKind.STEP_FAILED,
                      team,
                      campaign,
                      failed.clusterId(),
                      failed.failures().isEmpty() ? null : failed.failures().getFirst().host(),
                      "step "
                          + failed.command()
                          + " "
                          + failed.subject()
                          + " failed on cluster "
                          + failed.clusterId()
                          + (failed.reason() == null ? "" : ": " + failed.reason())
                          + "; it waits for a retry or a skip",
                      at));
      case ClusterAwaitingApproval awaiting ->
          Optional.of(
              team ->
                  new Notification(
                      eventId,
                      NotificationKind.APPROVAL_NEEDED,
                      team,
                      campaign,
                      awaiting.clusterId(),
                      awaiting.host(),
                      "the upgrade of node "
                          + awaiting.host()
                          + " of cluster "
                          + awaiting.clusterId()
                          + " waits for an approver of team "
                          + team,
                      at));
      case StepOverdue overdue ->
          Optional.of(
              team ->
                  new Notification(
                      eventId,
                      NotificationKind.STUCK,
                      team,
                      campaign,
                      overdue.clusterId(),
                      overdue.subject(),
                      "step "
                          + overdue.command()
                          + " "
                          + overdue.subject()
                          + " of cluster "
                          + overdue.clusterId()
                          + " has run since "
                          + overdue.startedAt()
                          + ", over three times its usual "
                          + overdue.usual().toSeconds()
                          + " s: stuck?",
                      at));
      case CampaignCompleted completed -> finished(eventId, campaign, "completed", at);
      case CampaignStopped stopped ->
          finished(eventId, campaign, "stopped: " + stopped.reason(), at);
      case CampaignAborted aborted ->
          finished(
              eventId,
              campaign,
              "aborted" + (aborted.reason() == null ? "" : ": " + aborted.reason()),
              at);
      case CampaignStarted started -> Optional.empty();
      case ClusterAdmitted admitted -> Optional.empty();
      case StepAuthorized authorized -> Optional.empty();
      case ClusterWaitingForWindow window -> Optional.empty();
      case StepCompleted completed -> Optional.empty();
      case NodeUpgradeApproved approved -> Optional.empty();
      case ClusterAwaitingSlot slot -> Optional.empty();
      case NodeUpgradeSlotGranted granted -> Optional.empty();
      case StepRetried retried -> Optional.empty();
      case StepSkipRequested skip -> Optional.empty();
      case ClusterCompleted completed -> Optional.empty();
      case CampaignPaused paused -> Optional.empty();
      case CampaignResumed resumed -> Optional.empty();
      case StepStarted started -> Optional.empty();
      case StepHostUnreachable unreachable -> Optional.empty();
      case StepHostReached reached -> Optional.empty();
    };
  }

  private static Optional<Function<String, Notification>> finished(
      String eventId, String campaign, String how, Instant at) {
    return Optional.of(
        team ->
            new Notification(
                eventId,
                NotificationKind.CAMPAIGN_FINISHED,
                team,
                campaign,
                null,
                null,
                "campaign " + campaign + " " + how,
                at));
  }
}
