package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.GuestState;
import dev.upgradetracker.simulator.fleet.HostState;
import java.util.List;

/**
 * The site's backup scripts: {@code backup-host}, {@code backup-guests g...}, {@code
 * backup-status}.
 */
final class SiteBackup {

  private final FleetModel fleet;

  SiteBackup(FleetModel fleet) {
    this.fleet = fleet;
  }

  CommandResult host(HostState host) {
    fleet.updateHost(host.name(), HostState::markBackedUp);
    return CommandResult.ok("backup-host: recovery archive of " + host.name() + " written\n");
  }

  CommandResult guests(HostState host, List<String> names) {
    var out = new StringBuilder();
    for (var name : names) {
      if (fleet.guest(name).filter(g -> g.cluster().equals(host.cluster())).isEmpty()) {
        return CommandResult.error(
            1, "backup-guests: no guest " + name + " in cluster " + host.cluster());
      }
      fleet.updateGuest(name, GuestState::markBackedUp);
      out.append("backup-guests: ").append(name).append(" backed up\n");
    }
    return CommandResult.ok(out.toString());
  }

  /** One {@code subject=yes|no} a line: {@code host=...}, then {@code guest:NAME=...}. */
  CommandResult status(HostState host) {
    var current = fleet.host(host.name()).orElseThrow();
    var out = new StringBuilder("host=").append(current.backedUp() ? "yes" : "no").append('\n');
    for (var guest : fleet.guestsOf(host.cluster())) {
      out.append("guest:")
          .append(guest.name())
          .append('=')
          .append(guest.backedUp() ? "yes" : "no")
          .append('\n');
    }
    return CommandResult.ok(out.toString());
  }
}
