package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.cluster.model.ClusterState.AtStep;
import dev.upgradetracker.command.cluster.model.ClusterState.Attached;
import dev.upgradetracker.command.cluster.model.ClusterState.ByHand;
import dev.upgradetracker.command.cluster.model.ClusterState.CampaignStep;
import dev.upgradetracker.command.cluster.model.ClusterState.GuestNode;
import dev.upgradetracker.command.cluster.model.ClusterState.Host;
import dev.upgradetracker.command.cluster.model.ClusterState.NoNodeUpgrading;
import dev.upgradetracker.command.cluster.model.ClusterState.NodeUpgrading;
import dev.upgradetracker.command.cluster.model.ClusterState.PendingAction;
import dev.upgradetracker.command.cluster.model.ClusterState.Pkg;
import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.cluster.model.ClusterState.Unregistered;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignUpgradeFinished;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterInventoryUpdated;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesHalted;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterNodesStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestKitInstalled;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestsBootVerified;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.ClusterEvent.HostBackedUp;
import dev.upgradetracker.events.cluster.ClusterEvent.HostReached;
import dev.upgradetracker.events.cluster.ClusterEvent.HostUnreachable;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingApproval;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeAwaitingSlot;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.ClusterEvent.PackageMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.PatchesInstalled;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** How each event changes a cluster's state. */
final class Evolution {

  private Evolution() {}

  static ClusterState evolve(ClusterState state, ClusterEvent event) {
    return switch (state) {
      case Unregistered unregistered when event instanceof ClusterRegistered registered ->
          registered(registered);
      case Unregistered unregistered ->
          throw new IllegalStateException(
              event.getClass().getSimpleName() + " before its cluster was registered");
      case Registered cluster -> evolve(cluster, event);
    };
  }

  private static Registered evolve(Registered cluster, ClusterEvent event) {
    return switch (event) {
      case ClusterRegistered registered -> registered(registered);
      case ClusterInventoryUpdated updated ->
          carriedOver(
              cluster,
              inventory(
                  cluster.clusterId(),
                  cluster.team(),
                  updated.topology(),
                  updated.clusterLock(),
                  updated.hosts(),
                  updated.guests(),
                  updated.packages(),
                  cluster.site()));
      case HostActionRequested requested -> {
        var pending =
            Persistent.unordered(cluster.pendingActions())
                .plus(
                    requested.actionId(),
                    new PendingAction(
                        requested.actionId(), requested.host(), requested.action(), null));
        yield cluster.change(d -> d.pendingActions = pending);
      }
      case HostUnreachable unreachable ->
          reachability(cluster, unreachable.actionId(), unreachable.since());
      case HostReached reached -> reachability(cluster, reached.actionId(), null);
      case HostActionSucceeded succeeded ->
          finish(stepReported(cluster, succeeded.actionId(), null), succeeded.actionId());
      case HostActionFailed failed ->
          finish(
              stepReported(cluster, failed.actionId(), failure(cluster, failed)),
              failed.actionId());
      case GuestsBootVerified verified ->
          eachGuest(cluster, verified.guests(), GuestNode::markBootVerified);
      case HostBackedUp backedUp -> cluster.withHost(backedUp.host(), Host::markBackedUp);
      case GuestsBackedUp backedUp ->
          eachGuest(cluster, backedUp.guests(), GuestNode::markBackedUp);
      case GuestMoved moved -> cluster.withGuest(moved.guest(), g -> g.movedTo(moved.toHost()));
      case PackageMoved moved ->
          cluster.withPackage(moved.packageName(), p -> p.movedTo(moved.toNode()));
      case ClusterNodesHalted halted ->
          eachGuest(cluster, halted.guests(), g -> g.withMembership(false));
      case ClusterNodesStarted started ->
          eachGuest(cluster, started.guests(), g -> g.withMembership(true));
      case NodeUpgradeStarted started ->
          cluster.change(d -> d.nodeUpgrade = new NodeUpgrading(started.host()));
      case NodeUpgraded upgraded ->
          cluster
              .withHost(
                  upgraded.host(),
                  h ->
                      h.upgradedTo(
                          upgraded.hpuxVersion(),
                          upgraded.ivmVersion(),
                          upgraded.serviceguardVersion(),
                          upgraded.mode()))
              .change(d -> d.nodeUpgrade = new NoNodeUpgrading());
      case NodeRejoinedCluster rejoined -> cluster.withHost(rejoined.host(), Host::rejoined);
      case PatchesInstalled patched -> cluster.withHost(patched.host(), Host::markPatched);
      case GuestKitInstalled kit ->
          cluster.withGuest(kit.guest(), g -> g.withKit(kit.kitVersion()));
      case CampaignAttached attached ->
          cluster.change(d -> d.drive = new Attached(attached.campaignId()));
      case CampaignDetached detached -> cluster.change(d -> d.drive = new ByHand());
      case CampaignStepStarted started ->
          withStep(
              cluster,
              new CampaignStep(
                  started.stepId(),
                  started.command(),
                  started.subject(),
                  Set.copyOf(started.actionIds()),
                  List.of(),
                  null,
                  started.stepsRemaining()));
      case CampaignStepFinished finished -> withStep(cluster, finishedStep(cluster, finished));
      case NodeUpgradeAwaitingApproval awaiting -> cluster;
      case NodeUpgradeAwaitingSlot awaiting -> cluster;
      case CampaignUpgradeFinished done -> cluster;
    };
  }

  private static Registered registered(ClusterRegistered event) {
    return inventory(
        event.clusterId(),
        event.team(),
        event.topology(),
        event.clusterLock(),
        event.hosts(),
        event.guests(),
        event.packages(),
        event.site());
  }

  private static Registered inventory(
      String clusterId,
      String team,
      Topology topology,
      boolean clusterLock,
      List<VmHost> hostList,
      List<Guest> guestList,
      List<AppPackage> packageList,
      String site) {
    var hosts = new LinkedHashMap<String, Host>();
    for (var h : hostList) {
      hosts.put(
          h.name(),
          new Host(
              h.name(),
              h.sshAddress(),
              h.hpuxVersion(),
              h.ivmVersion(),
              h.serviceguardVersion(),
              true,
              false,
              false,
              null,
              h.depot()));
    }
    boolean guestsAreNodes = topology == Topology.GUESTS_AS_NODES;
    var guests = new LinkedHashMap<String, GuestNode>();
    for (var g : guestList) {
      guests.put(
          g.name(),
          new GuestNode(
              g.name(),
              g.host(),
              g.kitVersion(),
              false,
              false,
              guestsAreNodes,
              g.failoverNodes() == null ? null : List.copyOf(g.failoverNodes())));
    }
    var packages = new LinkedHashMap<String, Pkg>();
    for (var p : packageList) {
      packages.put(p.name(), new Pkg(p.name(), p.node(), eligibleNodes(p)));
    }
    return new Registered(
        clusterId,
        team,
        topology,
        clusterLock,
        hosts,
        guests,
        packages,
        new NoNodeUpgrading(),
        Map.of(),
        Set.of(),
        new ByHand(),
        site);
  }

  /** What was done to hosts and guests that the new inventory still lists stays done. */
  private static Registered carriedOver(Registered before, Registered after) {
    var hosts = new LinkedHashMap<String, Host>();
    after
        .hosts()
        .forEach(
            (name, h) -> {
              var old = before.hosts().get(name);
              hosts.put(name, old == null ? h : h.withProgressOf(old));
            });
    var guests = new LinkedHashMap<String, GuestNode>();
    after
        .guests()
        .forEach(
            (name, g) -> {
              var old = before.guests().get(name);
              guests.put(
                  name,
                  old == null ? g : g.withProgressOf(old, after.topology() == before.topology()));
            });
    return new Registered(
        after.clusterId(),
        after.team(),
        after.topology(),
        after.clusterLock(),
        hosts,
        guests,
        after.packages(),
        new NoNodeUpgrading(),
        before.pendingActions(),
        before.finishedActions(),
        before.drive(),
        after.site());
  }

  /**
   * Where a package may run, in Serviceguard's order: its primary node, then its failover nodes.
   */
  private static List<String> eligibleNodes(AppPackage pkg) {
    var nodes = new LinkedHashSet<String>();
    nodes.add(pkg.node());
    if (pkg.failoverNodes() != null) {
      nodes.addAll(pkg.failoverNodes());
    }
    return List.copyOf(nodes);
  }

  private static Registered eachGuest(
      Registered cluster, List<String> guests, UnaryOperator<GuestNode> change) {
    var next = cluster;
    for (var guest : guests) {
      next = next.withGuest(guest, change);
    }
    return next;
  }

  /** The step as it ended; what was counted when it started stays. */
  private static CampaignStep finishedStep(Registered cluster, CampaignStepFinished finished) {
    int remaining =
        cluster
            .lastStep()
            .filter(started -> started.stepId().equals(finished.stepId()))
            .map(CampaignStep::stepsRemaining)
            .orElse(0);
    return new CampaignStep(
        finished.stepId(),
        finished.command(),
        finished.subject(),
        Set.of(),
        finished.failures(),
        finished.outcome(),
        remaining);
  }

  private static Registered withStep(Registered cluster, CampaignStep step) {
    return cluster
        .activeCampaign()
        .map(campaignId -> cluster.change(d -> d.drive = new AtStep(campaignId, step)))
        .orElse(cluster);
  }

  /** A report on one of the running campaign step's actions brings the step nearer its end. */
  private static Registered stepReported(Registered cluster, String actionId, StepFailure failure) {
    return cluster
        .lastStep()
        .filter(step -> step.pendingActions().contains(actionId))
        .map(step -> withStep(cluster, step.reported(actionId, failure)))
        .orElse(cluster);
  }

  private static Registered reachability(
      Registered cluster, String actionId, Instant unreachableSince) {
    var action = cluster.pendingActions().get(actionId);
    if (action == null) {
      return cluster;
    }
    var pending =
        Persistent.unordered(cluster.pendingActions())
            .plus(actionId, action.unreachable(unreachableSince));
    return cluster.change(d -> d.pendingActions = pending);
  }

  private static StepFailure failure(Registered cluster, HostActionFailed failed) {
    var pending = cluster.pendingActions().get(failed.actionId());
    return new StepFailure(
        failed.actionId(),
        failed.host(),
        pending == null ? null : pending.action(),
        failed.outcome());
  }

  private static Registered finish(Registered cluster, String actionId) {
    return cluster.change(
        d -> {
          d.pendingActions = Persistent.unordered(d.pendingActions).minus(actionId);
          d.finishedActions = Persistent.set(d.finishedActions).plus(actionId);
        });
  }
}
