package dev.upgradetracker.executor.actions;

import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The commands of one action, run in order on one host, stopping at the first that fails. */
final class Steps {

  private final HostSession host;
  private final CommandCatalog catalog;
  private final List<CommandOutput> ran = new ArrayList<>();

  Steps(HostSession host, CommandCatalog catalog) {
    this.host = host;
    this.catalog = catalog;
  }

  /** Runs the catalog's command {@code name}; true if it succeeded. */
  boolean run(String name, Map<String, String> values) throws IOException {
    var output = host.run(catalog.line(name, values));
    ran.add(output);
    return output.succeeded();
  }

  boolean run(String name) throws IOException {
    return run(name, Map.of());
  }

  /** What the last command printed on its standard output. */
  String lastOutput() {
    return ran.getLast().stdout();
  }

  /** The action changed what needed changing, or stopped at a failed command. */
  Performed ended() {
    return new Performed(false, List.copyOf(ran));
  }

  /** The probe found the action's effect in place: nothing was changed. */
  Performed alreadyDone() {
    return new Performed(true, List.copyOf(ran));
  }
}
