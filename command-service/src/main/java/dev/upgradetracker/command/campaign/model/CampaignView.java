package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.campaign.model.CampaignState.Approval;
import dev.upgradetracker.command.campaign.model.CampaignState.ClusterRun;
import dev.upgradetracker.command.campaign.model.CampaignState.Failure;
import dev.upgradetracker.command.campaign.model.CampaignState.Idle;
import dev.upgradetracker.command.campaign.model.CampaignState.Phase;
import dev.upgradetracker.command.campaign.model.CampaignState.Started;
import dev.upgradetracker.command.campaign.model.CampaignState.StepInFlight;
import dev.upgradetracker.command.campaign.model.CampaignState.Window;
import dev.upgradetracker.command.cluster.model.ClusterState;
import dev.upgradetracker.events.campaign.CampaignOptions;
import java.util.List;
import java.util.function.Function;

/**
 * A campaign as its team reads it: where every cluster stands, what it waits for, what failed with
 * the host's output, and the cluster's own state (hosts on each version, actions still running) so
 * that after a pause or an abort it is plain what state each cluster was left in.
 */
public record CampaignView(
    String campaignId,
    String team,
    String status,
    CampaignOptions options,
    int clusters,
    long done,
    long running,
    long failed,
    long pending,
    List<ClusterProgress> progress) {

  record ClusterProgress(
      String clusterId,
      Phase phase,
      int stepsDone,
      String waitingFor,
      Failure failure,
      ClusterSituation cluster) {}

  /**
   * @param campaignStep the last step the campaign started on the cluster and how it ended
   */
  public record ClusterSituation(
      List<String> hostsOnIvm4,
      List<String> hostsOnIvm3,
      String nodeUpgrading,
      List<String> actionsRunning,
      long guestsWithKit4,
      int guests,
      ClusterState.CampaignStep campaignStep,
      String activeCampaign) {

    public static ClusterSituation of(ClusterState.Registered cluster) {
      return new ClusterSituation(
          cluster.hosts().values().stream()
              .filter(ClusterState.Host::upgraded)
              .map(ClusterState.Host::name)
              .toList(),
          cluster.hosts().values().stream()
              .filter(h -> !h.upgraded())
              .map(ClusterState.Host::name)
              .toList(),
          cluster.nodeUpgrading().orElse(null),
          cluster.pendingActions().values().stream()
              .map(a -> a.actionId() + " on " + a.host() + ": " + a.action())
              .sorted()
              .toList(),
          cluster.guests().values().stream().filter(ClusterState.GuestNode::hasKit4).count(),
          cluster.guests().size(),
          cluster.lastStep().orElse(null),
          cluster.activeCampaign().orElse(null));
    }
  }

  public static CampaignView of(Started campaign, Function<String, ClusterSituation> situation) {
    var progress =
        campaign.clusters().values().stream()
            .map(
                run ->
                    new ClusterProgress(
                        run.clusterId(),
                        run.phase(),
                        run.stepsDone(),
                        waitingFor(run),
                        run.failure(),
                        situation.apply(run.clusterId())))
            .toList();
    return new CampaignView(
        campaign.campaignId(),
        campaign.team(),
        campaign.status().name(),
        campaign.options(),
        campaign.clusters().size(),
        campaign.count(Phase.DONE),
        campaign.count(Phase.RUNNING),
        campaign.count(Phase.FAILED),
        campaign.count(Phase.PENDING),
        progress);
  }

  private static String waitingFor(ClusterRun run) {
    return switch (run.waiting()) {
      case StepInFlight step -> "step " + step.stepId();
      case Approval approval -> "approval to upgrade " + approval.host();
      case Window window -> "maintenance window, opens " + window.opensAt();
      case Idle idle -> null;
    };
  }
}
