package dev.upgradetracker.messaging;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.campaign.MaintenanceWindow;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
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
import dev.upgradetracker.events.cluster.ClusterEvent.NodeRejoinedCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.ClusterEvent.PackageMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.PatchesInstalled;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of every event (and every host action), by its JSON type name: the golden fixtures'
 * content.
 */
public final class Samples {

  private Samples() {}

  public static Map<String, ClusterEvent> events() {
    var ok =
        new ActionOutcome(
            ActionStatus.SUCCEEDED,
            0,
            "$ cmrunpkg -n h2 g1\nSuccessfully started package g1 on node h2\n",
            1840,
            List.of(
                "cmviewcl -v -f line -p g1", "cmhaltpkg g1", "cmrunpkg -n h2 g1", "cmmodpkg -e g1"),
            "SHA256:q3Vd0dGg2GkQvYh1l3s2Vb0m6Zb7Q8b5x9d1k2m3n4o");
    var failed =
        new ActionOutcome(
            ActionStatus.FAILED,
            1,
            "cmrunpkg: Node h9 is not an active member of the cluster.\n",
            310,
            List.of("cmviewcl -v -f line -p g1", "cmrunpkg -n h9 g1"),
            "SHA256:q3Vd0dGg2GkQvYh1l3s2Vb0m6Zb7Q8b5x9d1k2m3n4o");
    var events = new LinkedHashMap<String, ClusterEvent>();
    events.put(
        "ClusterRegistered.v3",
        new ClusterRegistered(
            "c1",
            "alpha",
            Topology.GUESTS_AS_NODES,
            true,
            List.of(
                new VmHost("h1", "10.0.0.11:22", "B.11.23", "A.03.50", "A.11.18", "depot-east"),
                new VmHost("h2", "10.0.0.12:22", "B.11.23", "A.03.50", "A.11.18")),
            List.of(new Guest("n1", "h1", "A.03.50"), new Guest("n2", "h2", "A.03.50")),
            List.of(new AppPackage("p1", "n1", List.of("n2"))),
            "east"));
    events.put(
        "ClusterInventoryUpdated.v2",
        new ClusterInventoryUpdated(
            "c1",
            Topology.GUESTS_AS_PACKAGES,
            false,
            List.of(
                new VmHost("h1", "10.0.0.11:22", "B.11.23", "A.03.50", "A.11.18", "depot-east"),
                new VmHost("h3", "10.0.0.13:22", "B.11.23", "A.03.50", "A.11.18")),
            List.of(new Guest("g1", "h1", "A.03.50")),
            List.of(),
            "east"));
    events.put(
        "HostActionRequested.v1",
        new HostActionRequested(
            "c1", "a-1", "h1", "10.0.0.11:22", new HostAction.MoveGuest("g1", "h1", "h2")));
    events.put("HostActionSucceeded.v1", new HostActionSucceeded("c1", "a-1", "h1", ok));
    events.put("HostActionFailed.v1", new HostActionFailed("c1", "a-2", "h1", failed));
    events.put(
        "HostUnreachable.v1",
        new ClusterEvent.HostUnreachable(
            "c1",
            "a-3",
            "h1",
            Instant.parse("2027-03-01T08:15:00Z"),
            "cannot connect to 10.0.0.11:22: Connection refused",
            "spring-2027",
            "spring-2027/c1/3"));
    events.put(
        "HostReached.v1",
        new ClusterEvent.HostReached(
            "c1",
            "a-3",
            "h1",
            Instant.parse("2027-03-01T08:17:00Z"),
            "spring-2027",
            "spring-2027/c1/3"));
    events.put(
        "GuestsBootVerified.v1", new GuestsBootVerified("c1", "h1", List.of("g1", "g2"), "v-1@h1"));
    events.put("HostBackedUp.v1", new HostBackedUp("c1", "h1", "b-1"));
    events.put("GuestsBackedUp.v1", new GuestsBackedUp("c1", "h1", List.of("g1", "g2"), "bg-1@h1"));
    events.put("GuestMoved.v1", new GuestMoved("c1", "g1", "h1", "h2", "a-1"));
    events.put("PackageMoved.v1", new PackageMoved("c1", "p1", "n1", "n2", "m-1@p1"));
    events.put(
        "ClusterNodesHalted.v1", new ClusterNodesHalted("c1", "h1", List.of("n1"), "halt-1"));
    events.put(
        "ClusterNodesStarted.v1", new ClusterNodesStarted("c1", "h1", List.of("n1"), "run-1"));
    events.put(
        "NodeUpgradeStarted.v1",
        new NodeUpgradeStarted("c1", "h1", UpgradeMode.UPDATE, false, "up-1"));
    events.put(
        "NodeUpgraded.v1",
        new NodeUpgraded("c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "up-1"));
    events.put("NodeRejoinedCluster.v1", new NodeRejoinedCluster("c1", "h3"));
    events.put("PatchesInstalled.v1", new PatchesInstalled("c1", "h1", "p-1"));
    events.put("GuestKitInstalled.v1", new GuestKitInstalled("c1", "g1", "B.04.00", "k-1@g1"));
    events.put("CampaignAttached.v1", new CampaignAttached("c1", "spring-2027"));
    events.put("CampaignDetached.v1", new CampaignDetached("c1", "spring-2027"));
    events.put(
        "CampaignStepStarted.v1",
        new ClusterEvent.CampaignStepStarted(
            "c1",
            "spring-2027",
            "spring-2027/c1/4",
            "MoveGuests",
            "h1",
            List.of("spring-2027/c1/4@g1", "spring-2027/c1/4@g2"),
            Instant.parse("2026-11-25T12:15:30Z"),
            12));
    events.put(
        "CampaignStepFinished.v1",
        new ClusterEvent.CampaignStepFinished(
            "c1",
            "spring-2027",
            "spring-2027/c1/4",
            "MoveGuests",
            "h1",
            StepOutcome.FAILED,
            List.of(
                new StepFailure(
                    "spring-2027/c1/4@g1",
                    "h1",
                    new HostAction.MoveGuest("g1", "h1", "h9"),
                    failed)),
            null,
            12));
    events.put(
        "NodeUpgradeAwaitingApproval.v1",
        new ClusterEvent.NodeUpgradeAwaitingApproval(
            "c1", "spring-2027", "spring-2027/c1/7", "h1"));
    events.put(
        "NodeUpgradeAwaitingSlot.v1",
        new ClusterEvent.NodeUpgradeAwaitingSlot(
            "c1", "spring-2027", "spring-2027/c1/7", "h1", "alpha", "depot-east", "grenoble"));
    events.put(
        "CampaignUpgradeFinished.v1",
        new ClusterEvent.CampaignUpgradeFinished("c1", "spring-2027", "spring-2027/c1/19"));
    return events;
  }

  public static Map<String, CampaignEvent> campaignEvents() {
    var options =
        new CampaignOptions(
            4,
            new FailurePolicy(true, 2),
            true,
            new MaintenanceWindow(LocalTime.of(22, 0), LocalTime.of(4, 30), "Europe/Paris"),
            UpgradeMode.UPDATE,
            Duration.ofMinutes(90));
    var failure =
        new StepFailure(
            "spring-2027/c1/9",
            "h2",
            new HostAction.UpdateNode(UpgradeMode.UPDATE, false),
            new ActionOutcome(
                ActionStatus.FAILED,
                7,
                "update-ux: ERROR: depot /var/depots/11iv3 not found\n",
                2210,
                List.of(
                    "swlist -l bundle HPUX11i-VSE-OE",
                    "update-ux -s /var/depots/11iv3 HPUX11i-VSE-OE"),
                "SHA256:q3Vd0dGg2GkQvYh1l3s2Vb0m6Zb7Q8b5x9d1k2m3n4o"));
    var id = "spring-2027";
    var events = new LinkedHashMap<String, CampaignEvent>();
    events.put(
        "CampaignStarted.v1",
        new CampaignEvent.CampaignStarted(id, "alpha", List.of("c1", "c2"), options));
    events.put("ClusterAdmitted.v1", new CampaignEvent.ClusterAdmitted(id, "c1"));
    events.put(
        "StepAuthorized.v1",
        new CampaignEvent.StepAuthorized(
            id,
            "c1",
            id + "/c1/9",
            UpgradeMode.UPDATE,
            true,
            List.of("h2"),
            Duration.ofMinutes(90),
            List.of("h2")));
    events.put(
        "ClusterWaitingForWindow.v1",
        new CampaignEvent.ClusterWaitingForWindow(id, "c2", Instant.parse("2026-11-25T21:00:00Z")));
    events.put(
        "StepCompleted.v1",
        new CampaignEvent.StepCompleted(
            id,
            "c1",
            id + "/c1/3",
            "BackUpHost",
            "h2",
            StepOutcome.SKIPPED,
            "taped, ticket 4711",
            9));
    events.put(
        "ClusterAwaitingApproval.v1",
        new CampaignEvent.ClusterAwaitingApproval(id, "c1", id + "/c1/8", "h2"));
    events.put("NodeUpgradeApproved.v1", new CampaignEvent.NodeUpgradeApproved(id, "c1", "h2"));
    events.put(
        "ClusterAwaitingSlot.v1",
        new CampaignEvent.ClusterAwaitingSlot(
            id, "c1", id + "/c1/8", "h2", new Usage("depot-east", "grenoble", 2, 2, 3, 6)));
    events.put(
        "NodeUpgradeSlotGranted.v1", new CampaignEvent.NodeUpgradeSlotGranted(id, "c1", "h2"));
    events.put(
        "ClusterFailed.v1",
        new CampaignEvent.ClusterFailed(
            id, "c1", id + "/c1/9", "UpgradeNode", "h2", List.of(failure), null));
    events.put("StepRetried.v1", new CampaignEvent.StepRetried(id, "c1", id + "/c1/9"));
    events.put(
        "StepSkipRequested.v1",
        new CampaignEvent.StepSkipRequested(id, "c1", id + "/c1/3", "taped, ticket 4711"));
    events.put("ClusterCompleted.v1", new CampaignEvent.ClusterCompleted(id, "c1"));
    events.put("CampaignPaused.v1", new CampaignEvent.CampaignPaused(id));
    events.put("CampaignResumed.v1", new CampaignEvent.CampaignResumed(id));
    events.put(
        "CampaignStopped.v1",
        new CampaignEvent.CampaignStopped(id, "cluster c1 failed at step spring-2027/c1/9"));
    events.put(
        "CampaignAborted.v1",
        new CampaignEvent.CampaignAborted(
            id, "change freeze", List.of("c1", "c2"), Map.of("c1", id + "/c1/10")));
    events.put("CampaignCompleted.v1", new CampaignEvent.CampaignCompleted(id));
    events.put(
        "StepOverdue.v1",
        new CampaignEvent.StepOverdue(
            id,
            "c1",
            id + "/c1/3",
            "BackUpHost",
            "h2",
            Instant.parse("2027-03-01T08:15:00Z"),
            Duration.ofSeconds(270)));
    events.put(
        "StepStarted.v1",
        new CampaignEvent.StepStarted(
            id,
            "c1",
            id + "/c1/3",
            "BackUpHost",
            "h2",
            Instant.parse("2027-03-01T08:15:00Z"),
            Duration.ofSeconds(90)));
    events.put(
        "StepHostUnreachable.v1",
        new CampaignEvent.StepHostUnreachable(
            id,
            "c1",
            id + "/c1/3",
            "h2",
            Instant.parse("2027-03-01T08:15:02Z"),
            "cannot connect to 10.0.0.12:22: Connection refused"));
    events.put(
        "StepHostReached.v1",
        new CampaignEvent.StepHostReached(
            id, "c1", id + "/c1/3", "h2", Instant.parse("2027-03-01T08:16:40Z")));
    return events;
  }

  static Map<String, HostAction> actions() {
    var actions = new LinkedHashMap<String, HostAction>();
    actions.put("VerifyGuestsBoot", new HostAction.VerifyGuestsBoot(List.of("g1", "g2")));
    actions.put("BackUpHost", new HostAction.BackUpHost());
    actions.put("BackUpGuests", new HostAction.BackUpGuests(List.of("g1", "g2")));
    actions.put("MoveGuest", new HostAction.MoveGuest("g1", "h1", "h2"));
    actions.put("MovePackage", new HostAction.MovePackage("p1", "n1", "n2"));
    actions.put("HaltClusterNodes", new HostAction.HaltClusterNodes(List.of("n1")));
    actions.put("RunClusterNodes", new HostAction.RunClusterNodes(List.of("n1")));
    actions.put("UpdateNode", new HostAction.UpdateNode(UpgradeMode.COLD_MIGRATE, true));
    actions.put("InstallPatches", new HostAction.InstallPatches());
    actions.put("InstallGuestKit", new HostAction.InstallGuestKit("g1"));
    return actions;
  }
}
