package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

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
      if (!steps.run("start-guest", Map.of("guest", guest))
          || !steps.run("stop-guest", Map.of("guest", guest))) {
        break;
      }
    }
    return steps.ended();
  }

  /** What the cluster and Integrity VM say of the guests; empty if a probe failed. */
  private record NodesProbe(ServiceguardStatus cluster, GuestStatus guests) {}

  private static Optional<NodesProbe> probeNodes(Steps steps) throws IOException {
    if (!steps.run("cluster-status")) {
      return Optional.empty();
    }
    var cluster = ServiceguardStatus.parse(steps.lastOutput());
    if (!steps.run("guest-status")) {
      return Optional.empty();
    }
    return Optional.of(new NodesProbe(cluster, GuestStatus.parse(steps.lastOutput())));
  }

  /** cmhaltnode each guest node still a member, then stop each guest still running. */
  Performed haltNodes(HostAction.HaltClusterNodes action, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    var probe = probeNodes(steps);
    if (probe.isEmpty()) {
      return steps.ended();
    }
    var cluster = probe.get().cluster();
    var guests = probe.get().guests();
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
    var probe = probeNodes(steps);
    if (probe.isEmpty()) {
      return steps.ended();
    }
    var cluster = probe.get().cluster();
    var guests = probe.get().guests();
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
