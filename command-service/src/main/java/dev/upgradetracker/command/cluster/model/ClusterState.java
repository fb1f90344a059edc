package dev.upgradetracker.command.cluster.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepFailure;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.InventoryWarnings;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.Versions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A cluster's lifecycle as the command side sees it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClusterState.Unregistered.class, name = "Unregistered"),
  @JsonSubTypes.Type(value = ClusterState.Registered.class, name = "Registered")
})
public sealed interface ClusterState {

  record Unregistered() implements ClusterState {}

  /**
   * @param upgradingHost the node whose upgrade started and has not completed (R3), or null
   * @param pendingActions host actions requested and not yet reported, by action id
   * @param finishedActions action ids already reported, so a repeated report changes nothing
   * @param campaign the campaign driving this cluster (R9) and its current step, or null
   */
  record Registered(
      String clusterId,
      String team,
      Topology topology,
      boolean clusterLock,
      Map<String, Host> hosts,
      Map<String, GuestNode> guests,
      Map<String, Pkg> packages,
      String upgradingHost,
      Map<String, PendingAction> pendingActions,
      Set<String> finishedActions,
      CampaignDrive campaign)
      implements ClusterState {

    public String activeCampaign() {
      return campaign == null ? null : campaign.campaignId();
    }

    Registered withHost(String name, UnaryOperator<Host> change) {
      return change(d -> d.hosts = replace(d.hosts, name, change));
    }

    Registered withGuest(String name, UnaryOperator<GuestNode> change) {
      return change(d -> d.guests = replace(d.guests, name, change));
    }

    Registered withPackage(String name, UnaryOperator<Pkg> change) {
      return change(d -> d.packages = replace(d.packages, name, change));
    }

    /** The same cluster with what {@code edit} changes of it. */
    Registered change(Consumer<Draft> edit) {
      var draft = new Draft(this);
      edit.accept(draft);
      return draft.build();
    }

    /** How many guests each host runs (hosts without guests are absent). */
    public Map<String, Integer> guestsPerHost() {
      var counts = new HashMap<String, Integer>();
      guests.values().forEach(g -> counts.merge(g.host(), 1, Integer::sum));
      return counts;
    }

    public List<GuestNode> guestsOn(String host) {
      return guests.values().stream().filter(g -> g.host().equals(host)).toList();
    }

    public List<Pkg> packagesOn(String guest) {
      return packages.values().stream().filter(p -> guest.equals(p.node())).toList();
    }

    /** The states in this inventory that the procedure never produces. */
    public List<InventoryWarning> warnings() {
      return InventoryWarnings.of(hosts.values(), guests.values());
    }

    /** Some hosts already run Integrity VM 4.0 and some still 3.x. */
    boolean mixedVersions() {
      long upgraded = hosts.values().stream().filter(Host::upgraded).count();
      return upgraded > 0 && upgraded < hosts.size();
    }

    private static <T> Map<String, T> replace(
        Map<String, T> map, String key, UnaryOperator<T> change) {
      var current = map.get(key);
      return current == null ? map : Persistent.ordered(map).plus(key, change.apply(current));
    }

    /** A registered cluster being changed: every field but its id, team and topology. */
    static final class Draft {
      boolean clusterLock;
      Map<String, Host> hosts;
      Map<String, GuestNode> guests;
      Map<String, Pkg> packages;
      String upgradingHost;
      Map<String, PendingAction> pendingActions;
      Set<String> finishedActions;
      CampaignDrive campaign;
      private final Registered from;

      private Draft(Registered from) {
        this.from = from;
        clusterLock = from.clusterLock;
        hosts = from.hosts;
        guests = from.guests;
        packages = from.packages;
        upgradingHost = from.upgradingHost;
        pendingActions = from.pendingActions;
        finishedActions = from.finishedActions;
        campaign = from.campaign;
      }

      private Registered build() {
        return new Registered(
            from.clusterId,
            from.team,
            from.topology,
            clusterLock,
            hosts,
            guests,
            packages,
            upgradingHost,
            pendingActions,
            finishedActions,
            campaign);
      }
    }
  }

  /**
   * A VM host. {@code member}: a Serviceguard node of the cluster (GUESTS_AS_PACKAGES), false while
   * it is out of the cluster after a cold migration; {@code depot}: the software depot it installs
   * from (null: the executor's default).
   */
  record Host(
      String name,
      String sshAddress,
      String hpuxVersion,
      String ivmVersion,
      String serviceguardVersion,
      boolean member,
      boolean backedUp,
      boolean patched,
      UpgradeMode upgradedBy,
      String depot)
      implements InventoryWarnings.HostVersions {

    /** At the upgrade's target versions; a host that runs 4.0 any other way is upgraded again. */
    public boolean upgraded() {
      return InventoryWarnings.atTarget(this);
    }

    Host markBackedUp() {
      return progress(member, true, patched, upgradedBy);
    }

    Host markPatched() {
      return progress(member, backedUp, true, upgradedBy);
    }

    Host upgradedTo(String hpux, String ivm, String serviceguard, UpgradeMode mode) {
      return new Host(
          name,
          sshAddress,
          hpux,
          ivm,
          serviceguard,
          mode == UpgradeMode.UPDATE && member,
          backedUp,
          false,
          mode,
          depot);
    }

    /**
     * This inventory entry, with what was already done to the host as {@code before} records it.
     */
    Host withProgressOf(Host before) {
      return progress(before.member, before.backedUp, before.patched, before.upgradedBy);
    }

    Host rejoined() {
      return progress(true, backedUp, patched, upgradedBy);
    }

    /** The same host, as inventoried, with this progress through the procedure. */
    private Host progress(
        boolean nowMember, boolean nowBackedUp, boolean nowPatched, UpgradeMode by) {
      return new Host(
          name,
          sshAddress,
          hpuxVersion,
          ivmVersion,
          serviceguardVersion,
          nowMember,
          nowBackedUp,
          nowPatched,
          by,
          depot);
    }
  }

  /**
   * A guest: where it runs, its kit; in GUESTS_AS_NODES clusters, whether it is a cluster member;
   * {@code failoverNodes}: the only nodes it may run on, in order (null: any node).
   */
  record GuestNode(
      String name,
      String host,
      String kitVersion,
      boolean bootVerified,
      boolean backedUp,
      boolean member,
      List<String> failoverNodes)
      implements InventoryWarnings.GuestKit {

    /** R5: the guest's failover list, if it has one, names {@code node}. */
    boolean mayRunOn(String node) {
      return failoverNodes == null || failoverNodes.contains(node);
    }

    public boolean hasKit4() {
      return Versions.isIntegrityVm4(kitVersion);
    }

    GuestNode movedTo(String newHost) {
      return new GuestNode(
          name, newHost, kitVersion, bootVerified, backedUp, member, failoverNodes);
    }

    GuestNode markBootVerified() {
      return new GuestNode(name, host, kitVersion, true, backedUp, member, failoverNodes);
    }

    GuestNode markBackedUp() {
      return new GuestNode(name, host, kitVersion, bootVerified, true, member, failoverNodes);
    }

    /**
     * This inventory entry, with what was already done to the guest as {@code before} records it;
     * its cluster membership carries over only while the topology stays the same.
     */
    GuestNode withProgressOf(GuestNode before, boolean sameTopology) {
      return new GuestNode(
          name,
          host,
          kitVersion,
          before.bootVerified,
          before.backedUp,
          sameTopology ? before.member : member,
          failoverNodes);
    }

    GuestNode withMembership(boolean isMember) {
      return new GuestNode(name, host, kitVersion, bootVerified, backedUp, isMember, failoverNodes);
    }

    GuestNode withKit(String version) {
      return new GuestNode(name, host, version, bootVerified, backedUp, member, failoverNodes);
    }
  }

  /**
   * An application package on a guest node; {@code eligibleNodes}: primary first, then failovers.
   */
  record Pkg(String name, String node, List<String> eligibleNodes) {

    Pkg movedTo(String newNode) {
      return new Pkg(name, newNode, eligibleNodes);
    }
  }

  record PendingAction(String actionId, String host, HostAction action) {}

  /** The campaign driving the cluster and the step it last started (null before the first). */
  public record CampaignDrive(String campaignId, CampaignStep step) {

    CampaignDrive withStep(CampaignStep next) {
      return new CampaignDrive(campaignId, next);
    }
  }

  /**
   * A campaign step: {@code pendingActions} not yet reported, {@code failures} so far; {@code
   * outcome} null while it runs; {@code stepsRemaining} how many steps were left when it started,
   * itself included (0: not known, e.g. from a snapshot taken before it was kept).
   */
  public record CampaignStep(
      String stepId,
      String command,
      String subject,
      Set<String> pendingActions,
      List<StepFailure> failures,
      StepOutcome outcome,
      int stepsRemaining) {

    boolean running() {
      return outcome == null;
    }

    CampaignStep reported(String actionId, StepFailure failure) {
      var pending = Persistent.set(pendingActions).minus(actionId);
      var all = failure == null ? failures : Persistent.list(failures).plus(failure);
      return new CampaignStep(stepId, command, subject, pending, all, outcome, stepsRemaining);
    }
  }
}
