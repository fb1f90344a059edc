package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Moves a guest package to another node: halt it where it runs, run it on the target, enable
 * switching. The probe comes first, and each step is skipped where its effect is already in
 * place, so repeating the action after a crash never repeats a side effect.
 */
@Component
public class MoveGuestPerformer {

  private final CommandCatalog catalog;

  MoveGuestPerformer(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  Performed perform(HostAction.MoveGuest move, HostSession host) throws IOException {
    var values = Map.of("package", move.guest(), "node", move.toHost());
    var ran = new ArrayList<CommandOutput>();
    var probe = host.run(catalog.render(catalog.packageStatus(), values));
    ran.add(probe);
    if (!probe.succeeded()) {
      return new Performed(false, ran);
    }
    var status = ServiceguardStatus.parse(probe.stdout());
    if (status.packageRuns(move.guest()) && status.packageNode(move.guest()).equals(move.toHost())) {
      return new Performed(true, ran);
    }
    var steps = new ArrayList<String>();
    if (status.packageRuns(move.guest())) {
      steps.add(catalog.haltPackage());
    }
    steps.add(catalog.runPackage());
    steps.add(catalog.enablePackage());
    for (var step : steps) {
      var output = host.run(catalog.render(step, values));
      ran.add(output);
      if (!output.succeeded()) {
        break;
      }
    }
    return new Performed(false, ran);
  }
}
