package dev.upgradetracker.launcher;

import java.util.List;

/** Commands that change a host: reads and probes may repeat, these must not. */
final class HostEffects {

  private static final List<String> COMMANDS =
      List.of(
          "cmhaltpkg",
          "cmrunpkg",
          "cmmodpkg",
          "cmhaltnode",
          "cmrunnode",
          "hpvmstart",
          "hpvmstop",
          "swinstall",
          "update-ux",
          "backup-host",
          "backup-guests");

  private HostEffects() {}

  static boolean isEffect(String commandLine) {
    return COMMANDS.contains(commandLine.split(" ")[0]);
  }
}
