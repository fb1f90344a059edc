package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.Map;

/** The site's backups of a host and of its guests, skipped where the backup status says done. */
final class BackupPerformers {

  private final CommandCatalog catalog;

  BackupPerformers(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  Performed backUpHost(HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("backup-status")) {
      return steps.ended();
    }
    if (steps.lastOutput().lines().anyMatch("host=yes"::equals)) {
      return steps.alreadyDone();
    }
    steps.run("backup-host");
    return steps.ended();
  }

  Performed backUpGuests(HostAction.BackUpGuests action, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("backup-status")) {
      return steps.ended();
    }
    var status = steps.lastOutput();
    var missing =
        action.guests().stream()
            .filter(g -> status.lines().noneMatch(("guest:" + g + "=yes")::equals))
            .toList();
    if (missing.isEmpty()) {
      return steps.alreadyDone();
    }
    steps.run("backup-guests", Map.of("guests", String.join(" ", missing)));
    return steps.ended();
  }
}
