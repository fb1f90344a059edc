package dev.upgradetracker.events.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the states the procedure never produces in a cluster's inventory. Part of the contract, as
 * {@link Versions} is: the command side answers a registration with them and plans around them, the
 * views show them, and all must agree.
 */
public final class InventoryWarnings {

  /** Names listed per warning; a 10,000-guest cluster gets a count beside the first of them. */
  public static final int NAMES_SHOWN = 20;

  static final String SERVICEGUARD_11I_V3_ONLY = "A.11.20";

  /** What the checks read of a host. */
  public interface HostVersions {
    String name();

    String hpuxVersion();

    String ivmVersion();

    String serviceguardVersion();
  }

  /** What the checks read of a guest. */
  public interface GuestKit {
    String name();

    String kitVersion();
  }

  private InventoryWarnings() {}

  /**
   * Whether a host is where the upgrade takes it: Integrity VM 4.0 on HP-UX 11i v3 with a
   * Serviceguard the update would not replace. A host that runs 4.0 any other way is upgraded
   * again.
   */
  public static boolean atTarget(HostVersions host) {
    return Versions.isIntegrityVm4(host.ivmVersion())
        && Versions.compare(host.hpuxVersion(), Versions.HPUX_11I_V3) >= 0
        && Versions.compare(host.serviceguardVersion(), Versions.SERVICEGUARD_ROLLING_BASELINE)
            >= 0;
  }

  public static List<InventoryWarning> of(
      Iterable<? extends HostVersions> hosts, Iterable<? extends GuestKit> guests) {
    var warnings = new ArrayList<InventoryWarning>();
    kitBeforeLastHost(hosts, guests, warnings);
    var ivm4OnV2 = new ArrayList<HostVersions>();
    var serviceguardBehind = new ArrayList<HostVersions>();
    var serviceguardNeedsV3 = new ArrayList<HostVersions>();
    var serviceguardVersions = new TreeSet<String>(Versions::compare);
    for (var host : hosts) {
      boolean onV3 = Versions.compare(host.hpuxVersion(), Versions.HPUX_11I_V3) >= 0;
      if (Versions.isIntegrityVm4(host.ivmVersion()) && !onV3) {
        ivm4OnV2.add(host);
      }
      if (Versions.isIntegrityVm4(host.ivmVersion())
          && Versions.compare(host.serviceguardVersion(), Versions.SERVICEGUARD_ROLLING_BASELINE)
              < 0) {
        serviceguardBehind.add(host);
      }
      if (!onV3 && Versions.compare(host.serviceguardVersion(), SERVICEGUARD_11I_V3_ONLY) >= 0) {
        serviceguardNeedsV3.add(host);
      }
      serviceguardVersions.add(host.serviceguardVersion());
    }
    hostWarning(
        warnings,
        InventoryWarning.Kind.INTEGRITY_VM_4_ON_11I_V2,
        ivm4OnV2,
        "Integrity VM 4.0 runs only on HP-UX 11i v3 (B.11.31): the plan updates these hosts again");
    hostWarning(
        warnings,
        InventoryWarning.Kind.SERVICEGUARD_BEHIND_INTEGRITY_VM_4,
        serviceguardBehind,
        "a host updated to Integrity VM 4.0 runs Serviceguard A.11.18 or later: the plan updates"
            + " these hosts again, Serviceguard with them");
    hostWarning(
        warnings,
        InventoryWarning.Kind.SERVICEGUARD_NEEDS_11I_V3,
        serviceguardNeedsV3,
        "Serviceguard A.11.20 and later run only on HP-UX 11i v3");
    if (serviceguardVersions.size() > 2) {
      warnings.add(
          new InventoryWarning(
              InventoryWarning.Kind.MORE_THAN_TWO_SERVICEGUARD_VERSIONS,
              null,
              "the cluster's nodes run Serviceguard "
                  + String.join(", ", serviceguardVersions)
                  + "; a rolling upgrade mixes at most two versions at a time",
              List.of(),
              List.of(),
              0));
    }
    return List.copyOf(warnings);
  }

  private static void kitBeforeLastHost(
      Iterable<? extends HostVersions> hosts,
      Iterable<? extends GuestKit> guests,
      List<InventoryWarning> warnings) {
    var hostsOn3x = new ArrayList<String>();
    for (var host : hosts) {
      if (!Versions.isIntegrityVm4(host.ivmVersion())) {
        hostsOn3x.add(host.name());
      }
    }
    if (hostsOn3x.isEmpty()) {
      return;
    }
    var withKit4 = new ArrayList<String>();
    int inAll = 0;
    for (var guest : guests) {
      if (Versions.isIntegrityVm4(guest.kitVersion())) {
        inAll++;
        if (withKit4.size() < NAMES_SHOWN) {
          withKit4.add(guest.name());
        }
      }
    }
    if (inAll == 0) {
      return;
    }
    warnings.add(
        new InventoryWarning(
            InventoryWarning.Kind.KIT_BEFORE_LAST_HOST,
            "R4",
            inAll
                + (inAll == 1 ? " guest runs" : " guests run")
                + " the 4.0 guest kit while hosts "
                + String.join(", ", shown(hostsOn3x))
                + " still run Integrity VM 3.x; kits go on only after the last host: these guests"
                + " move only to upgraded hosts, and the plan takes their hosts last",
            shown(hostsOn3x),
            withKit4,
            inAll));
  }

  private static void hostWarning(
      List<InventoryWarning> warnings,
      InventoryWarning.Kind kind,
      List<HostVersions> hosts,
      String why) {
    if (hosts.isEmpty()) {
      return;
    }
    var shown = shown(hosts);
    warnings.add(
        new InventoryWarning(
            kind,
            null,
            String.join("; ", shown.stream().map(InventoryWarnings::describe).toList())
                + ": "
                + why,
            shown.stream().map(HostVersions::name).toList(),
            List.of(),
            0));
  }

  private static String describe(HostVersions host) {
    return host.name()
        + " runs HP-UX "
        + host.hpuxVersion()
        + ", Integrity VM "
        + host.ivmVersion()
        + ", Serviceguard "
        + host.serviceguardVersion();
  }

  private static <T> List<T> shown(List<T> names) {
    return List.copyOf(names.subList(0, Math.min(NAMES_SHOWN, names.size())));
  }
}
