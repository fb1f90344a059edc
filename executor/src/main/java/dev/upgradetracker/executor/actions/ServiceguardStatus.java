package dev.upgradetracker.executor.actions;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code cmviewcl -v -f line}: {@code object:name|attribute=value}, one a line. */
final class ServiceguardStatus {

  private final Map<String, String> attributes = new HashMap<>();

  private ServiceguardStatus() {}

  static ServiceguardStatus parse(String cmviewclOutput) {
    var status = new ServiceguardStatus();
    for (var line : cmviewclOutput.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        status.attributes.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
      }
    }
    return status;
  }

  boolean packageRuns(String packageName) {
    return "up".equals(attributes.get("package:" + packageName + "|status"));
  }

  String packageNode(String packageName) {
    return attributes.getOrDefault("package:" + packageName + "|node", "");
  }

  /** Whether the package may switch nodes (Serviceguard's autorun, disabled by a halt). */
  boolean packageSwitchingEnabled(String packageName) {
    return "enabled".equals(attributes.get("package:" + packageName + "|autorun"));
  }

  boolean nodeUp(String node) {
    return "up".equals(attributes.get("node:" + node + "|status"));
  }
}
