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
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * @param nodeUpgrade whether a node's upgrade started and has not completed (R3: one at a time)
   * @param pendingActions host actions requested and not yet reported, by action id
   * @param finishedActions action ids already reported, so a repeated report changes nothing
   * @param drive who drives the cluster: its team by hand, or one campaign (R9)
   * @param site the site (data centre) it stands in, as registered; null where the fleet did not
   *     say
   */
  record Registered(
      String clusterId,
      String team,
      Topology topology,
      boolean clusterLock,
      Map<String, Host> hosts,
      Map<String, GuestNode> guests,
      Map<String, Pkg> packages,
      NodeUpgrade nodeUpgrade,
      Map<String, PendingAction> pendingActions,
      Set<String> finishedActions,
      Drive drive,
      String site)
      implements ClusterState {

    public Optional<String> nodeUpgrading() {
      return nodeUpgrade instanceof NodeUpgrading upgrading
          ? Optional.of(upgrading.host())
          : Optional.empty();
    }

    boolean upgrading(String host) {
      return nodeUpgrading().filter(host::equals).isPresent();
    }

    public Optional<String> activeCampaign() {
      return switch (drive) {
        case ByHand byHand -> Optional.empty();
        case Attached attached -> Optional.of(attached.campaignId());
        case AtStep atStep -> Optional.of(atStep.campaignId());
      };
    }

    boolean drivenBy(String campaignId) {
      return activeCampaign().filter(campaignId::equals).isPresent();
    }

    /** The campaign step the cluster took last, running or ended. */
    public Optional<CampaignStep> lastStep() {
      return drive instanceof AtStep atStep ? Optional.of(atStep.step()) : Optional.empty();
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
      NodeUpgrade nodeUpgrade;
      Map<String, PendingAction> pendingActions;
      Set<String> finishedActions;
      Drive drive;
      private final Registered from;

      private Draft(Registered from) {
        this.from = from;
        clusterLock = from.clusterLock;
        hosts = from.hosts;
        guests = from.guests;
        packages = from.packages;
        nodeUpgrade = from.nodeUpgrade;
        pendingActions = from.pendingActions;
        finishedActions = from.finishedActions;
        drive = from.drive;
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
            nodeUpgrade,
            pendingActions,
            finishedActions,
            drive,
            from.site);
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
      return change(d -> d.backedUp = true);
    }

    Host markPatched() {
      return change(d -> d.patched = true);
    }

    Host upgradedTo(String hpux, String ivm, String serviceguard, UpgradeMode mode) {
      return change(
          d -> {
            d.hpuxVersion = hpux;
            d.ivmVersion = ivm;
            d.serviceguardVersion = serviceguard;
            d.member = mode == UpgradeMode.UPDATE && member;
            d.patched = false;
            d.upgradedBy = mode;
          });
    }

    /**
     * This inventory entry, with what was already done to the host as {@code before} records it.
     */
    Host withProgressOf(Host before) {
      return change(
          d -> {
            d.member = before.member;
            d.backedUp = before.backedUp;
            d.patched = before.patched;
            d.upgradedBy = before.upgradedBy;
          });
    }

    Host rejoined() {
      return change(d -> d.member = true);
    }

    private Host change(Consumer<Draft> edit) {
      var d = new Draft(this);
      edit.accept(d);
      return new Host(
          name,
          sshAddress,
          d.hpuxVersion,
          d.ivmVersion,
          d.serviceguardVersion,
          d.member,
          d.backedUp,
          d.patched,
          d.upgradedBy,
          depot);
    }

    /** A host being changed: its versions and its progress; its name and addresses stay. */
    private static final class Draft {
      String hpuxVersion;
      String ivmVersion;
      String serviceguardVersion;
      boolean member;
      boolean backedUp;
      boolean patched;
      UpgradeMode upgradedBy;

      private Draft(Host from) {
        hpuxVersion = from.hpuxVersion;
        ivmVersion = from.ivmVersion;
        serviceguardVersion = from.serviceguardVersion;
        member = from.member;
        backedUp = from.backedUp;
        patched = from.patched;
        upgradedBy = from.upgradedBy;
      }
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
      return change(d -> d.host = newHost);
    }

    GuestNode markBootVerified() {
      return change(d -> d.bootVerified = true);
    }

    GuestNode markBackedUp() {
      return change(d -> d.backedUp = true);
    }

    /**
     * This inventory entry, with what was already done to the guest as {@code before} records it;
     * its cluster membership carries over only while the topology stays the same.
     */
    GuestNode withProgressOf(GuestNode before, boolean sameTopology) {
      return change(
          d -> {
            d.bootVerified = before.bootVerified;
            d.backedUp = before.backedUp;
            d.member = sameTopology ? before.member : member;
          });
    }

    GuestNode withMembership(boolean isMember) {
      return change(d -> d.member = isMember);
    }

    GuestNode withKit(String version) {
      return change(d -> d.kitVersion = version);
    }

    private GuestNode change(Consumer<Draft> edit) {
      var d = new Draft(this);
      edit.accept(d);
      return new GuestNode(
          name, d.host, d.kitVersion, d.bootVerified, d.backedUp, d.member, failoverNodes);
    }

    /** A guest being changed: where it runs and its progress; its name and failover list stay. */
    private static final class Draft {
      String host;
      String kitVersion;
      boolean bootVerified;
      boolean backedUp;
      boolean member;

      private Draft(GuestNode from) {
        host = from.host;
        kitVersion = from.kitVersion;
        bootVerified = from.bootVerified;
        backedUp = from.backedUp;
        member = from.member;
      }
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

  /**
   * A host action requested and not yet reported; {@code unreachableSince}: since when the executor
   * says it cannot reach the host (null while it has not said so, or reached it again).
   */
  record PendingAction(
      String actionId, String host, HostAction action, @Nullable Instant unreachableSince) {

    PendingAction unreachable(@Nullable Instant since) {
      return new PendingAction(actionId, host, action, since);
    }
  }

  /** Whether one of the cluster's nodes is being upgraded. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = NoNodeUpgrading.class, name = "NoneUpgrading"),
    @JsonSubTypes.Type(value = NodeUpgrading.class, name = "Upgrading")
  })
  public sealed interface NodeUpgrade {}

  public record NoNodeUpgrading() implements NodeUpgrade {}

  /** {@code host}'s upgrade started and has not completed. */
  public record NodeUpgrading(String host) implements NodeUpgrade {}

  /** Who drives the cluster. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "by")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ByHand.class, name = "Hand"),
    @JsonSubTypes.Type(value = Attached.class, name = "Campaign"),
    @JsonSubTypes.Type(value = AtStep.class, name = "CampaignStep")
  })
  public sealed interface Drive {}

  /** The team, command by command. */
  public record ByHand() implements Drive {}

  /** A campaign, before its first step. */
  public record Attached(String campaignId) implements Drive {}

  /** A campaign, at the step it started last (running or ended). */
  public record AtStep(String campaignId, CampaignStep step) implements Drive {}

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
