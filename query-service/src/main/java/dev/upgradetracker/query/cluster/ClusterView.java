package dev.upgradetracker.query.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.InventoryWarnings;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.Versions;
import dev.upgradetracker.query.activity.ActivityEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a dashboard shows of one cluster. {@code lastSequence} is the cluster position this view has
 * folded in (-1: nothing yet); events at or below it are skipped, so a re-delivered event changes
 * nothing. {@code activity} holds the latest events, newest last. {@code site}: where the cluster
 * stands, as its inventory says (null: not said). {@code warnings}: states of its inventory the
 * procedure never produces, as it stands now.
 */
public record ClusterView(
    String clusterId,
    String team,
    Topology topology,
    String site,
    List<HostView> hosts,
    List<GuestView> guests,
    List<PackageView> packages,
    List<InventoryWarning> warnings,
    List<ActionView> actions,
    ClusterProgress progress,
    List<ActivityEntry> activity,
    long lastSequence,
    Instant lastEventAt) {

  /** The Kafka Streams store this view is kept in. */
  public static final String STORE = "cluster-views";

  /** How many recent events a view keeps. */
  static final int ACTIVITY_KEPT = 20;

  public static ClusterView empty(String clusterId) {
    return new ClusterView(
        clusterId,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        ClusterProgress.NONE,
        List.of(),
        -1,
        null);
  }

  /** Every host runs Integrity VM 4.0 and every guest has the 4.0 kit. */
  public boolean upgraded() {
    return !hosts.isEmpty()
        && hosts.stream().allMatch(HostView::onIntegrityVm4)
        && guests.stream().allMatch(GuestView::hasKit4);
  }

  public int hostsOnIntegrityVm4() {
    return (int) hosts.stream().filter(HostView::onIntegrityVm4).count();
  }

  public int guestsWithKit4() {
    return (int) guests.stream().filter(GuestView::hasKit4).count();
  }

  /** The same view with what {@code edit} changes of it. */
  ClusterView change(Consumer<Draft> edit) {
    var draft = new Draft(this);
    edit.accept(draft);
    return draft.build();
  }

  /** The same view, its warnings found again in its hosts' and guests' versions as they are now. */
  public ClusterView checked() {
    return change(d -> d.warnings = InventoryWarnings.of(d.hosts, d.guests));
  }

  /** The same view, having folded in {@code entry}'s event. */
  public ClusterView at(ActivityEntry entry) {
    return change(
        d -> {
          var recent = new ArrayList<>(d.activity);
          recent.add(entry);
          d.activity =
              List.copyOf(
                  recent.subList(Math.max(0, recent.size() - ACTIVITY_KEPT), recent.size()));
          d.lastSequence = entry.position();
          d.lastEventAt = entry.at();
        });
  }

  /** A view being changed: every field but the cluster's id. */
  static final class Draft {
    String team;
    Topology topology;
    String site;
    List<HostView> hosts;
    List<GuestView> guests;
    List<PackageView> packages;
    List<InventoryWarning> warnings;
    List<ActionView> actions;
    ClusterProgress progress;
    List<ActivityEntry> activity;
    long lastSequence;
    Instant lastEventAt;
    private final String clusterId;

    private Draft(ClusterView from) {
      clusterId = from.clusterId;
      team = from.team;
      topology = from.topology;
      site = from.site;
      hosts = from.hosts;
      guests = from.guests;
      packages = from.packages;
      warnings = from.warnings;
      actions = from.actions;
      progress = from.progress;
      activity = from.activity;
      lastSequence = from.lastSequence;
      lastEventAt = from.lastEventAt;
    }

    private ClusterView build() {
      return new ClusterView(
          clusterId,
          team,
          topology,
          site,
          hosts,
          guests,
          packages,
          warnings,
          actions,
          progress,
          activity,
          lastSequence,
          lastEventAt);
    }
  }

  /**
   * {@code sshAddress}: where the executor reaches it ({@code host:port}); {@code upgrading}: its
   * upgrade started and has not completed; {@code member}: a cluster node.
   */
  public record HostView(
      String name,
      String sshAddress,
      String hpuxVersion,
      String ivmVersion,
      String serviceguardVersion,
      boolean upgrading,
      boolean member,
      @JsonInclude(JsonInclude.Include.NON_NULL) String depot)
      implements InventoryWarnings.HostVersions {

    HostView upgradeStarted() {
      return change(d -> d.upgrading = true);
    }

    HostView upgradedTo(String hpux, String ivm, String serviceguard, boolean stillMember) {
      return change(
          d -> {
            d.hpuxVersion = hpux;
            d.ivmVersion = ivm;
            d.serviceguardVersion = serviceguard;
            d.upgrading = false;
            d.member = stillMember;
          });
    }

    HostView rejoined() {
      return change(d -> d.member = true);
    }

    private HostView change(Consumer<Draft> edit) {
      var d = new Draft(this);
      edit.accept(d);
      return new HostView(
          name,
          sshAddress,
          d.hpuxVersion,
          d.ivmVersion,
          d.serviceguardVersion,
          d.upgrading,
          d.member,
          depot);
    }

    /** A host's view being changed: its versions and state; its name, address and depot stay. */
    private static final class Draft {
      String hpuxVersion;
      String ivmVersion;
      String serviceguardVersion;
      boolean upgrading;
      boolean member;

      private Draft(HostView from) {
        hpuxVersion = from.hpuxVersion;
        ivmVersion = from.ivmVersion;
        serviceguardVersion = from.serviceguardVersion;
        upgrading = from.upgrading;
        member = from.member;
      }
    }

    public boolean onIntegrityVm4() {
      return Versions.isIntegrityVm4(ivmVersion);
    }
  }

  /**
   * {@code member}: in GUESTS_AS_NODES clusters, whether the guest is a cluster node now; {@code
   * failoverNodes}: the only nodes it may run on, in order (absent: any).
   */
  public record GuestView(
      String name,
      String host,
      String kitVersion,
      boolean member,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> failoverNodes)
      implements InventoryWarnings.GuestKit {

    GuestView movedTo(String next) {
      return change(d -> d.host = next);
    }

    GuestView member(boolean next) {
      return change(d -> d.member = next);
    }

    GuestView withKit(String next) {
      return change(d -> d.kitVersion = next);
    }

    private GuestView change(Consumer<Draft> edit) {
      var d = new Draft(this);
      edit.accept(d);
      return new GuestView(name, d.host, d.kitVersion, d.member, failoverNodes);
    }

    /** A guest's view being changed: where it runs, its kit, its membership. */
    private static final class Draft {
      String host;
      String kitVersion;
      boolean member;

      private Draft(GuestView from) {
        host = from.host;
        kitVersion = from.kitVersion;
        member = from.member;
      }
    }

    public boolean hasKit4() {
      return Versions.isIntegrityVm4(kitVersion);
    }
  }

  public record PackageView(String name, String node) {}

  /** A host action and, once reported, how it ended. */
  public record ActionView(
      String actionId,
      String host,
      String summary,
      String status,
      Integer exitCode,
      String output) {

    /** Requested and not ended, its host reachable as far as anyone said. */
    public static final String REQUESTED = "REQUESTED";

    /** Requested and not ended, its host not reached (the output says since when and why). */
    public static final String UNREACHABLE = "UNREACHABLE";

    /** Requested and not ended. */
    public boolean awaited() {
      return REQUESTED.equals(status) || UNREACHABLE.equals(status);
    }
  }
}
