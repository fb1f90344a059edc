package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;

/** {@code hpvmstatus}: the guests on this host, as a table or colon-separated with -M. */
final class IntegrityVmView {

  private IntegrityVmView() {}

  static CommandResult status(FleetModel fleet, HostState host, boolean machineReadable) {
    var out = new StringBuilder();
    if (!machineReadable) {
      out.append("[Virtual Machines]\n");
      out.append(String.format("%-22s %4s %-7s %-12s%n", "Virtual Machine Name", "VM #", "OS Type", "State"));
      out.append(String.format("%-22s %4s %-7s %-12s%n", "=".repeat(22), "====", "=======", "=========="));
    }
    int number = 1;
    for (var guest : fleet.guestsOf(host.cluster())) {
      if (!host.name().equals(guest.node())) {
        continue;
      }
      var state = guest.running() ? "On (OS)" : "Off";
      if (machineReadable) {
        out.append(guest.name()).append(':').append(number).append(":HPUX:").append(state).append('\n');
      } else {
        out.append(String.format("%-22s %4d %-7s %-12s%n", guest.name(), number, "HPUX", state));
      }
      number++;
    }
    return CommandResult.ok(out.toString());
  }
}
