package dev.upgradetracker.executor.actions;

import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.Map;

/**
 * Moves a Serviceguard package (a guest, or an application package) to another node: halt it where
 * it runs, run it on the target, enable switching. Probed first; a step whose effect is in place is
 * skipped.
 */
final class PackageMover {

  private final CommandCatalog catalog;

  PackageMover(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  Performed move(String packageName, String toNode, HostSession host) throws IOException {
    var values = Map.of("package", packageName, "node", toNode);
    var steps = new Steps(host, catalog);
    if (!steps.run("package-status", values)) {
      return steps.ended();
    }
    var status = ServiceguardStatus.parse(steps.lastOutput());
    if (status.packageRuns(packageName) && status.packageNode(packageName).equals(toNode)) {
      // moved before a crash, perhaps without its last step: switching enabled
      if (status.packageSwitchingEnabled(packageName)) {
        return steps.alreadyDone();
      }
      steps.run("enable-package", values);
      return steps.ended();
    }
    if ((!status.packageRuns(packageName) || steps.run("halt-package", values))
        && steps.run("run-package", values)) {
      steps.run("enable-package", values);
    }
    return steps.ended();
  }
}
