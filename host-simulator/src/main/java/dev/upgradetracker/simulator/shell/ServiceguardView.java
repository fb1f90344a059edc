package dev.upgradetracker.simulator.shell;

import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.fleet.HostState;
import java.util.Optional;

/** {@code cmviewcl -v -f line}: one {@code attribute=value} a line, prefixed per object. */
final class ServiceguardView {

  private ServiceguardView() {}

  static CommandResult lines(FleetModel fleet, HostState host, Optional<String> onlyPackage) {
    var out = new StringBuilder();
    if (onlyPackage.isEmpty()) {
      out.append("name=").append(host.cluster()).append('\n');
      out.append("status=up\n");
      for (var node : fleet.hostsOf(host.cluster())) {
        var prefix = "node:" + node.name() + "|";
        out.append(prefix).append("name=").append(node.name()).append('\n');
        out.append(prefix).append("status=").append(node.up() ? "up" : "down").append('\n');
        out.append(prefix).append("state=").append(node.up() ? "running" : "halted").append('\n');
      }
    }
    for (var guest : fleet.guestsOf(host.cluster())) {
      if (onlyPackage.isPresent() && !onlyPackage.get().equals(guest.name())) {
        continue;
      }
      var prefix = "package:" + guest.name() + "|";
      out.append(prefix).append("name=").append(guest.name()).append('\n');
      out.append(prefix).append("status=").append(guest.running() ? "up" : "down").append('\n');
      out.append(prefix).append("state=").append(guest.running() ? "running" : "halted").append('\n');
      out.append(prefix).append("autorun=").append(guest.autorun() ? "enabled" : "disabled").append('\n');
      out.append(prefix).append("node=").append(guest.node()).append('\n');
    }
    if (onlyPackage.isPresent() && out.isEmpty()) {
      return CommandResult.error(1, "cmviewcl: Package " + onlyPackage.get() + " does not exist.");
    }
    return CommandResult.ok(out.toString());
  }
}
