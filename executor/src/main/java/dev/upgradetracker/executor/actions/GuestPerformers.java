package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.Map;

/** Guests as virtual machines and as cluster nodes: boot checks, halting and running them. */
final class GuestPerformers {

  private final CommandCatalog catalog;

  GuestPerformers(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  /** A running guest has booted; a stopped one is started and stopped again. */
  Performed verifyBoot(HostAction.VerifyGuestsBoot action, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("guest-status")) {
      return steps.ended();
    }
    var status = GuestStatus.parse(steps.lastOutput());
    var stopped = action.guests().stream().filter(g -> !status.running(g)).toList();
    if (stopped.isEmpty()) {
      return steps.alreadyDone();
    }
    for (var guest : stopped) {
      if (!steps.run("start-guest", Map.of("guest", guest)) || !steps.run("stop-guest", Map.of("guest", guest))) {
        break;
      }
    }
    return steps.ended();
  }

  /** cmhaltnode each guest node still a member, then stop each guest still running. */
  Performed haltNodes(HostAction.HaltClusterNodes action, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("cluster-status")) {
      return steps.ended();
    }
    var cluster = ServiceguardStatus.parse(steps.lastOutput());
    if (!steps.run("guest-status")) {
      return steps.ended();
    }
    var guests = GuestStatus.parse(steps.lastOutput());
    if (action.guests().stream().noneMatch(g -> cluster.nodeUp(g) || guests.running(g))) {
      return steps.alreadyDone();
    }
    for (var guest : action.guests()) {
      if (cluster.nodeUp(guest) && !steps.run("halt-node", Map.of("node", guest))) {
        return steps.ended();
      }
    }
    for (var guest : action.guests()) {
      if (guests.running(guest) && !steps.run("stop-guest", Map.of("guest", guest))) {
        return steps.ended();
      }
    }
    return steps.ended();
  }

  /** Start each stopped guest, then cmrunnode each guest not yet a member. */
  Performed runNodes(HostAction.RunClusterNodes action, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("cluster-status")) {
      return steps.ended();
    }
    var cluster = ServiceguardStatus.parse(steps.lastOutput());
    if (!steps.run("guest-status")) {
      return steps.ended();
    }
    var guests = GuestStatus.parse(steps.lastOutput());
    if (action.guests().stream().allMatch(g -> cluster.nodeUp(g) && guests.running(g))) {
      return steps.alreadyDone();
    }
    for (var guest : action.guests()) {
      if (!guests.running(guest) && !steps.run("start-guest", Map.of("guest", guest))) {
        return steps.ended();
      }
    }
    for (var guest : action.guests()) {
      if (!cluster.nodeUp(guest) && !steps.run("run-node", Map.of("node", guest))) {
        return steps.ended();
      }
    }
    return steps.ended();
  }
}
