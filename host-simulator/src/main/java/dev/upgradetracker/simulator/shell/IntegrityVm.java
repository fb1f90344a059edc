package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;

/** Integrity VM's commands: {@code hpvmstatus}, {@code hpvmstart}, {@code hpvmstop}. */
final class IntegrityVm {

  private final FleetModel fleet;

  IntegrityVm(FleetModel fleet) {
    this.fleet = fleet;
  }

  CommandResult status(HostState host, boolean machineReadable) {
    var out = new StringBuilder();
    if (!machineReadable) {
      out.append("[Virtual Machines]\n");
      out.append(
          String.format(
              "%-22s %4s %-7s %-12s%n", "Virtual Machine Name", "VM #", "OS Type", "State"));
      out.append(
          String.format("%-22s %4s %-7s %-12s%n", "=".repeat(22), "====", "=======", "=========="));
    }
    int number = 1;
    for (var guest : fleet.guestsOn(host.name())) {
      var state = guest.running() ? "On (OS)" : "Off";
      if (machineReadable) {
        out.append(guest.name())
            .append(':')
            .append(number)
            .append(":HPUX:")
            .append(state)
            .append('\n');
      } else {
        out.append(String.format("%-22s %4d %-7s %-12s%n", guest.name(), number, "HPUX", state));
      }
      number++;
    }
    return CommandResult.ok(out.toString());
  }

  CommandResult start(HostState host, String name) {
    var guest = fleet.guest(name).filter(g -> g.node().equals(host.name()));
    if (guest.isEmpty()) {
      return CommandResult.error(
          1, "hpvmstart: ERROR (" + name + "): Unable to find virtual machine on this host.");
    }
    if (guest.get().running()) {
      return CommandResult.error(
          1, "hpvmstart: ERROR (" + name + "): Virtual machine is already running.");
    }
    fleet.updateGuest(name, g -> g.withRunning(true));
    return CommandResult.ok(
        "(C) Copyright 2000 - 2008 Hewlett-Packard Development Company, L.P.\nhpvmstart: Successful start initiation of guest '"
            + name
            + "'\n");
  }

  CommandResult stop(HostState host, String name) {
    var guest = fleet.guest(name).filter(g -> g.node().equals(host.name()));
    if (guest.isEmpty()) {
      return CommandResult.error(
          1, "hpvmstop: ERROR (" + name + "): Unable to find virtual machine on this host.");
    }
    if (!guest.get().running()) {
      return CommandResult.ok("hpvmstop: Virtual machine " + name + " is not running.\n");
    }
    fleet.updateGuest(name, g -> g.withRunning(false));
    return CommandResult.ok("hpvmstop: Stop of guest '" + name + "' initiated.\n");
  }
}
