package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;
import java.util.List;

/**
 * HP-UX Software Distributor and update-ux: the OS update to 11i v3, the Integrity VM 4.0 bundle
 * (and Serviceguard), patches, and the guest kit pushed to a guest ({@code @ guest:/}).
 */
final class SoftwareDistributor {

  static final String HPUX_11I_V3 = "B.11.31";
  static final String IVM_4_0 = "B.04.00";
  static final String SERVICEGUARD_FOR_IVM_4 = "A.11.19";
  static final String GUEST_KIT_4_0 = "B.04.00";

  private final FleetModel fleet;

  SoftwareDistributor(FleetModel fleet) {
    this.fleet = fleet;
  }

  CommandResult list(HostState host, List<String> argv) {
    int at = argv.indexOf("@");
    if (at > 0 && at + 1 < argv.size()) {
      var guestName = argv.get(at + 1).replace(":/", "");
      var guest = fleet.guest(guestName).filter(g -> g.cluster().equals(host.cluster()));
      if (guest.isEmpty() || !guest.get().kitVersion().startsWith("B.04")) {
        return CommandResult.error(
            1, "ERROR:   Software \"HPVM-Guest\" was not found on host \"" + guestName + ":/\".");
      }
      return CommandResult.ok(
          String.format(
              "  %-18s %-14s %s%n",
              "HPVM-Guest", guest.get().kitVersion(), "Integrity VM Guest Kit"));
    }
    var out =
        new StringBuilder("# Initializing...\n# Contacting target \"" + host.name() + "\"...\n#\n");
    out.append(
        String.format(
            "  %-18s %-14s %s%n",
            "HPUX11i-VSE-OE", host.hpuxVersion(), "HP-UX Virtual Server Operating Environment"));
    out.append(String.format("  %-18s %-14s %s%n", "T2767AC", host.ivmVersion(), "Integrity VM"));
    out.append(
        String.format("  %-18s %-14s %s%n", "T1905CA", host.serviceguardVersion(), "Serviceguard"));
    if (host.patched()) {
      out.append(
          String.format("  %-18s %-14s %s%n", "PHSS_41543", "1.0", "HPVM B.04.00 CORE PATCH"));
    }
    return CommandResult.ok(out.toString());
  }

  CommandResult updateOs(HostState host, List<String> argv) {
    var unreachable = unreachableDepot(host, argv, "update-ux");
    if (unreachable != null) {
      return unreachable;
    }
    if (host.hpuxVersion().equals(HPUX_11I_V3)) {
      return CommandResult.error(
          1,
          "ERROR:   No software was selected: HPUX11i-VSE-OE,r="
              + HPUX_11I_V3
              + " is already installed.");
    }
    stopGuestsForInstall(host, "update-ux");
    fleet.updateHost(
        host.name(), h -> h.withVersions(HPUX_11I_V3, h.ivmVersion(), h.serviceguardVersion()));
    return CommandResult.ok(
        "* Updating to HP-UX 11i v3 ("
            + HPUX_11I_V3
            + ")\n* The system will now reboot.\nNOTE:    update-ux completed successfully.\n");
  }

  CommandResult install(HostState host, List<String> argv) {
    var unreachable = unreachableDepot(host, argv, "swinstall");
    if (unreachable != null) {
      return unreachable;
    }
    int at = argv.indexOf("@");
    if (at > 0) {
      return installGuestKit(host, argv.get(at + 1).replace(":/", ""));
    }
    if (argv.contains("T2767AC")) {
      if (!host.hpuxVersion().equals(HPUX_11I_V3)) {
        return CommandResult.error(
            1,
            "ERROR:   T2767AC,r="
                + IVM_4_0
                + " requires HP-UX "
                + HPUX_11I_V3
                + "; this host runs "
                + host.hpuxVersion()
                + ".");
      }
      stopGuestsForInstall(host, "swinstall T2767AC");
      var serviceguard =
          argv.contains("T1905CA") ? SERVICEGUARD_FOR_IVM_4 : host.serviceguardVersion();
      fleet.updateHost(host.name(), h -> h.withVersions(h.hpuxVersion(), IVM_4_0, serviceguard));
      return CommandResult.ok(
          "* Installing T2767AC,r="
              + IVM_4_0
              + "\n* The system will now reboot.\nNOTE:    swinstall completed successfully.\n");
    }
    if (argv.stream().anyMatch(a -> a.startsWith("PHSS_") || a.startsWith("PHKL_"))) {
      fleet.updateHost(host.name(), HostState::markPatched);
      return CommandResult.ok("* Installing patches\nNOTE:    swinstall completed successfully.\n");
    }
    return CommandResult.error(1, "ERROR:   No software was selected from the depot.");
  }

  private CommandResult installGuestKit(HostState host, String guestName) {
    var guest = fleet.guest(guestName).filter(g -> g.cluster().equals(host.cluster()));
    if (guest.isEmpty()) {
      return CommandResult.error(1, "ERROR:   Cannot contact target \"" + guestName + ":/\".");
    }
    var on3x =
        fleet.hostsOf(host.cluster()).stream()
            .filter(h -> !h.runsIntegrityVm4())
            .map(HostState::name)
            .toList();
    if (!on3x.isEmpty()) {
      fleet.violation(
          host.cluster(),
          "R4: the 4.0 guest kit was installed on "
              + guestName
              + " while hosts "
              + on3x
              + " still ran Integrity VM 3.x");
    }
    fleet.updateGuest(guestName, g -> g.withKit(GUEST_KIT_4_0));
    return CommandResult.ok(
        "* Installing HPVM-Guest,r="
            + GUEST_KIT_4_0
            + " on \""
            + guestName
            + ":/\"\n* The guest will now reboot.\nNOTE:    swinstall completed successfully.\n");
  }

  /**
   * Installing stops the guests still running on the host: a procedure that drained it first loses
   * none.
   */
  private void stopGuestsForInstall(HostState host, String what) {
    for (var guest : fleet.guestsOn(host.name())) {
      if (guest.running()) {
        fleet.violation(
            host.cluster(),
            "R2: " + what + " on " + host.name() + " while guest " + guest.name() + " ran there");
        fleet.updateGuest(guest.name(), g -> g.withRunning(false));
      }
    }
  }

  /**
   * The error a host gives when {@code -s server:/path} names a depot server other than its own, as
   * a site's network lets a host reach its own depot only; null when it may read there.
   */
  private static CommandResult unreachableDepot(HostState host, List<String> argv, String command) {
    int source = argv.indexOf("-s");
    if (host.depot() == null || source < 0 || source + 1 >= argv.size()) {
      return null;
    }
    var depot = argv.get(source + 1);
    var server = depot.contains(":") ? depot.substring(0, depot.indexOf(':')) : depot;
    if (server.equals(host.depot())) {
      return null;
    }
    return CommandResult.error(
        1,
        "ERROR:   "
            + command
            + ": cannot contact the depot \""
            + depot
            + "\": host "
            + host.name()
            + " reaches only "
            + host.depot()
            + ".");
  }
}
