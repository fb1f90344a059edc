package dev.upgradetracker.fleet;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One cluster of a demo or test fleet, every host still on HP-UX 11i v2, Integrity VM A.03.50 and
 * Serviceguard A.11.18, every guest on the 3.50 kit. Hosts are named {@code <id>-h1..n} and guests
 * {@code <id>-g1..n} in host order; {@link #localNames()} drops the cluster id where a test reads
 * better with {@code h1} and {@code g1}.
 */
public final class ClusterBuilder {

  public static final String HPUX = "B.11.23";
  public static final String IVM = "A.03.50";
  public static final String SERVICEGUARD = "A.11.18";
  public static final String KIT = "A.03.50";

  private final String id;
  private String team = "alpha";
  private Topology topology = Topology.GUESTS_AS_PACKAGES;
  private boolean clusterLock;
  private String namePrefix;
  private String hostPrefix;
  private boolean addressedByName;
  private String hostName = "h";
  private String guestName = "g";
  private int[] guestsPerHost = {1, 0};
  private int firstPort;
  private final List<int[]> packages = new ArrayList<>();
  private boolean packagePerGuest;
  private String site;
  private String depot;

  ClusterBuilder(String id) {
    this.id = id;
    this.namePrefix = id + "-";
    this.hostPrefix = namePrefix;
  }

  public ClusterBuilder team(String team) {
    this.team = team;
    return this;
  }

  /** The VM hosts are the cluster's nodes; each guest is a package (the default). */
  public ClusterBuilder guestsAsPackages() {
    return topology(Topology.GUESTS_AS_PACKAGES);
  }

  /** The guests are the cluster's nodes, application packages run on them. */
  public ClusterBuilder guestsAsNodes() {
    return topology(Topology.GUESTS_AS_NODES);
  }

  public ClusterBuilder topology(Topology topology) {
    this.topology = topology;
    return this;
  }

  /** The cluster's site, and the depot server every one of its hosts installs from. */
  public ClusterBuilder at(String site, String depot) {
    this.site = site;
    this.depot = depot;
    return this;
  }

  public ClusterBuilder clusterLock(boolean clusterLock) {
    this.clusterLock = clusterLock;
    return this;
  }

  /** One host per count, each running that many guests: {@code (2, 0, 1)} is three hosts. */
  public ClusterBuilder guestsPerHost(int... counts) {
    if (counts.length == 0 || Arrays.stream(counts).anyMatch(c -> c < 0)) {
      throw new IllegalArgumentException("a cluster needs hosts, each with 0 or more guests");
    }
    this.guestsPerHost = counts.clone();
    return this;
  }

  /** Names without the cluster id: {@code h1}, {@code g1}. */
  public ClusterBuilder localNames() {
    this.namePrefix = "";
    this.hostPrefix = "";
    return this;
  }

  /**
   * Hosts named {@code <id>-h1..n}, unique in a fleet as the host ledger wants them, each at its
   * own name, port 22 (unless {@link #portsFrom}); guests keep their names.
   */
  public ClusterBuilder fleetUniqueHosts() {
    this.hostPrefix = id + "-";
    this.addressedByName = true;
    return this;
  }

  /** Hosts named {@code <id>-<word>1..n} instead of {@code h1..n}. */
  public ClusterBuilder hostNames(String word) {
    this.hostName = word;
    return this;
  }

  /** Guests named {@code <id>-<word>1..n} instead of {@code g1..n}. */
  public ClusterBuilder guestNames(String word) {
    this.guestName = word;
    return this;
  }

  /** Hosts at {@code 127.0.0.1:<firstPort>} and the ports after it; else no address (any). */
  public ClusterBuilder portsFrom(int firstPort) {
    this.firstPort = firstPort;
    return this;
  }

  /**
   * An application package {@code <id>-p<n>} (guests as nodes) on guest number {@code node},
   * failing over to the guests numbered {@code failover}, in that order.
   */
  public ClusterBuilder pkg(int node, int... failover) {
    int[] placement = new int[failover.length + 1];
    placement[0] = node;
    System.arraycopy(failover, 0, placement, 1, failover.length);
    packages.add(placement);
    return this;
  }

  /**
   * One package per guest, {@code <guest>-app}, failing over to the guests on other hosts (guests
   * as nodes).
   */
  public ClusterBuilder packagePerGuest() {
    this.packagePerGuest = true;
    return this;
  }

  public String host(int number) {
    return hostPrefix + hostName + number;
  }

  public String guest(int number) {
    return namePrefix + guestName + number;
  }

  public ClusterSpec build() {
    var hosts = new ArrayList<VmHost>();
    var guests = new ArrayList<Guest>();
    for (int h = 1; h <= guestsPerHost.length; h++) {
      var address =
          firstPort > 0
              ? "127.0.0.1:" + (firstPort + h - 1)
              : addressedByName ? host(h) + ":22" : "";
      hosts.add(new VmHost(host(h), address, HPUX, IVM, SERVICEGUARD, depot));
      for (int g = 0; g < guestsPerHost[h - 1]; g++) {
        guests.add(new Guest(guest(guests.size() + 1), host(h), KIT));
      }
    }
    return new ClusterSpec(
        id,
        team,
        topology,
        clusterLock,
        List.copyOf(hosts),
        List.copyOf(guests),
        packages(guests),
        site);
  }

  private List<AppPackage> packages(List<Guest> guests) {
    var all = new ArrayList<AppPackage>();
    for (int p = 0; p < packages.size(); p++) {
      var placement = packages.get(p);
      all.add(
          new AppPackage(
              namePrefix + "p" + (p + 1),
              guest(placement[0]),
              Arrays.stream(placement).skip(1).mapToObj(this::guest).toList()));
    }
    if (packagePerGuest) {
      for (var guest : guests) {
        all.add(
            new AppPackage(
                guest.name() + "-app",
                guest.name(),
                guests.stream()
                    .filter(other -> !other.host().equals(guest.host()))
                    .map(Guest::name)
                    .toList()));
      }
    }
    return List.copyOf(all);
  }
}
