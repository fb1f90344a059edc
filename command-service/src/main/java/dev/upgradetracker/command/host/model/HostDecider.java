package dev.upgradetracker.command.host.model;

import static dev.upgradetracker.command.input.InputChecks.canonicalAddress;

import dev.upgradetracker.command.host.model.HostState.Assigned;
import dev.upgradetracker.command.host.model.HostState.Unassigned;
import dev.upgradetracker.command.input.InputChecks;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.host.HostCommand;
import dev.upgradetracker.events.host.HostCommand.AssignHost;
import dev.upgradetracker.events.host.HostCommand.ReleaseHost;
import dev.upgradetracker.events.host.HostEvent;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import dev.upgradetracker.events.host.HostEvent.HostReassigned;
import dev.upgradetracker.events.host.HostEvent.HostReleased;
import java.util.List;

/**
 * The Host aggregate's rules: a host changes team or address, or is released, only while it is in
 * no cluster (its cluster's team would otherwise command another team's host); an address names one
 * host.
 */
public final class HostDecider {

  private HostDecider() {}

  public static List<HostEvent> decide(HostCommand command, HostState state, LedgerFacts facts) {
    return switch (command) {
      case AssignHost assign -> assign(assign, state, facts);
      case ReleaseHost release -> release(release, state, facts);
    };
  }

  public static HostState evolve(HostState state, HostEvent event) {
    return switch (event) {
      case HostAssigned assigned ->
          new Assigned(assigned.host(), assigned.sshAddress(), assigned.team());
      case HostReassigned reassigned ->
          new Assigned(reassigned.host(), reassigned.sshAddress(), reassigned.team());
      case HostReleased released -> new Unassigned();
    };
  }

  /** What the events of one command did. */
  public static HostChange change(List<HostEvent> events) {
    if (events.isEmpty()) {
      return HostChange.UNCHANGED;
    }
    return switch (events.getFirst()) {
      case HostAssigned assigned -> HostChange.ASSIGNED;
      case HostReassigned reassigned -> HostChange.REASSIGNED;
      case HostReleased released -> HostChange.RELEASED;
    };
  }

  private static List<HostEvent> assign(AssignHost command, HostState state, LedgerFacts facts) {
    InputChecks.name("host", command.host());
    InputChecks.sshAddress("sshAddress", command.sshAddress());
    InputChecks.name("team", command.team());
    var address = canonicalAddress(command.sshAddress());
    if (facts.hostAtAddress() != null && !facts.hostAtAddress().equals(command.host())) {
      throw HostTaken.addressOf(facts.hostAtAddress(), address);
    }
    return switch (state) {
      case Unassigned unassigned ->
          List.of(new HostAssigned(command.host(), address, command.team()));
      case Assigned current
          when current.team().equals(command.team()) && current.sshAddress().equals(address) ->
          List.of();
      case Assigned current -> {
        requireInNoCluster(command.host(), facts, "reassigned");
        yield List.of(
            new HostReassigned(
                command.host(), address, command.team(), current.sshAddress(), current.team()));
      }
    };
  }

  private static List<HostEvent> release(ReleaseHost command, HostState state, LedgerFacts facts) {
    return switch (state) {
      case Unassigned unassigned -> throw new NotFound("host", command.host());
      case Assigned current -> {
        requireInNoCluster(command.host(), facts, "released");
        yield List.of(new HostReleased(command.host(), current.sshAddress(), current.team()));
      }
    };
  }

  private static void requireInNoCluster(String host, LedgerFacts facts, String doing) {
    if (facts.clusterId() != null) {
      throw HostTaken.inCluster(
          host,
          facts.clusterId(),
          "it can be " + doing + " once the cluster's team has updated the cluster without it");
    }
  }
}
