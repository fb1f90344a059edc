package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.HostState;

/** {@code swlist}: the installed bundles, in swlist's column layout. */
final class SoftwareView {

  private SoftwareView() {}

  static CommandResult swlist(HostState host) {
    return CommandResult.ok(
        "# Initializing...\n# Contacting target \"" + host.name() + "\"...\n#\n"
            + String.format("  %-18s %-14s %s%n", "HPUX11i-VSE-OE", host.hpuxVersion(), "HP-UX Virtual Server Operating Environment")
            + String.format("  %-18s %-14s %s%n", "T2767AC", host.ivmVersion(), "Integrity VM")
            + String.format("  %-18s %-14s %s%n", "T1905CA", host.serviceguardVersion(), "Serviceguard"));
  }
}
