package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Software on hosts and guests: the OS and Integrity VM 4.0 (update or cold install), patches, the
 * guest kit, each from the host's depot server. Each reads {@code swlist} first, so nothing
 * installed is installed again (a second {@code update-ux} would fail: "No software was selected
 * ... already installed").
 */
final class SoftwarePerformers {

  private static final Pattern OE_11I_V3 = Pattern.compile("HPUX11i-VSE-OE\\s+B\\.11\\.31");
  private static final Pattern IVM_4 = Pattern.compile("T2767AC\\s+B\\.04\\.");

  private final CommandCatalog catalog;

  SoftwarePerformers(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  Performed updateNode(HostAction.UpdateNode action, String depot, HostSession host)
      throws IOException {
    var values = Map.of("depot", depot);
    var steps = new Steps(host, catalog);
    if (!steps.run("software-status")) {
      return steps.ended();
    }
    var installed = steps.lastOutput();
    boolean osDone = OE_11I_V3.matcher(installed).find();
    boolean ivmDone = IVM_4.matcher(installed).find();
    if (osDone && ivmDone) {
      return steps.alreadyDone();
    }
    if (!osDone
        && !steps.run(
            action.mode() == UpgradeMode.COLD_MIGRATE ? "cold-install-os" : "update-os", values)) {
      return steps.ended();
    }
    if (!ivmDone) {
      steps.run(
          action.includeServiceguard() ? "install-ivm-and-serviceguard" : "install-ivm", values);
    }
    return steps.ended();
  }

  Performed installPatches(String depot, HostSession host) throws IOException {
    var steps = new Steps(host, catalog);
    if (!steps.run("patch-status")) {
      return steps.ended();
    }
    var patches = catalog.line("patches", Map.of()).split("\\s+");
    var listed = steps.lastOutput();
    if (Arrays.stream(patches).allMatch(listed::contains)) {
      return steps.alreadyDone();
    }
    steps.run("install-patches", Map.of("patches", String.join(" ", patches), "depot", depot));
    return steps.ended();
  }

  Performed installGuestKit(HostAction.InstallGuestKit action, String depot, HostSession host)
      throws IOException {
    var steps = new Steps(host, catalog);
    var values = Map.of("guest", action.guest(), "depot", depot);
    if (steps.run("kit-status", values) && steps.lastOutput().contains("B.04")) {
      return steps.alreadyDone();
    }
    steps.run("install-kit", values);
    return steps.ended();
  }
}
