package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.cluster.model.ClusterState.Unregistered;
import dev.upgradetracker.command.ownership.model.Ownership;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.AdvanceCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.AttachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.DetachCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RejoinNode;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.SkipCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.TimeOutCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.cluster.ClusterEvent;
import java.util.List;

/**
 * The Cluster aggregate's rules: pure functions, no I/O. Each procedure step lives in a class of
 * its own; this one dispatches.
 */
public final class ClusterDecider {

  private ClusterDecider() {}

  /** The events a command causes in {@code state}, or a {@code CommandRefused} thrown. */
  public static List<ClusterEvent> decide(ClusterCommand command, ClusterState state) {
    return switch (state) {
      case Unregistered unregistered when command instanceof RegisterCluster register ->
          Registration.register(register);
      case Unregistered unregistered -> throw new NotFound("cluster", command.clusterId());
      case Registered cluster -> decide(command, cluster);
    };
  }

  private static List<ClusterEvent> decide(ClusterCommand command, Registered cluster) {
    return switch (command) {
      case RegisterCluster register -> throw new AlreadyExists("cluster", cluster.clusterId());
      case UpdateCluster update -> InventoryUpdates.update(update, cluster);
      case VerifyGuestsBoot verify -> Preparation.verifyGuestsBoot(verify, cluster);
      case BackUpHost backup -> Preparation.backUpHost(backup, cluster);
      case BackUpGuests backup -> Preparation.backUpGuests(backup, cluster);
      case MoveGuests move -> Moves.moveGuests(move, cluster);
      case MovePackages move -> Moves.movePackages(move, cluster);
      case HaltClusterNodes halt -> Membership.halt(halt, cluster);
      case RunClusterNodes run -> Membership.run(run, cluster);
      case UpgradeNode upgrade -> NodeUpgrades.upgrade(upgrade, cluster);
      case RejoinNode rejoin -> NodeUpgrades.rejoin(rejoin, cluster);
      case InstallPatches patches -> NodeUpgrades.installPatches(patches, cluster);
      case InstallGuestKit kit -> GuestKits.install(kit, cluster);
      case RecordActionResult report ->
          CampaignSteps.followResult(report, cluster, ActionResults.record(report, cluster));
      case AttachCampaign attach -> Campaigns.attach(attach, cluster);
      case DetachCampaign detach -> Campaigns.detach(detach, cluster);
      case AdvanceCampaign advance -> CampaignSteps.advance(advance, cluster);
      case SkipCampaignStep skip -> CampaignSteps.skip(skip, cluster);
      case TimeOutCampaignStep timeOut -> CampaignSteps.timeOut(timeOut, cluster);
    };
  }

  public static ClusterState evolve(ClusterState state, ClusterEvent event) {
    return Evolution.evolve(state, event);
  }

  /**
   * R8: only the owning team commands its cluster (and registers clusters for itself only); an
   * admin registers and updates clusters of any team, and commands none. {@code actingTeam} is null
   * for the system's own commands (executor reports, campaigns).
   */
  public static void checkOwner(
      ClusterCommand command, ClusterState state, String actingTeam, boolean admin) {
    if (actingTeam == null
        || (admin && (command instanceof RegisterCluster || command instanceof UpdateCluster))) {
      return;
    }
    var owner =
        switch (state) {
          case Registered cluster -> cluster.team();
          case Unregistered unregistered ->
              command instanceof RegisterCluster register && register.cluster() != null
                  ? register.cluster().team()
                  : null;
        };
    if (owner != null) {
      Ownership.require("cluster", command.clusterId(), owner, actingTeam);
    }
  }
}
