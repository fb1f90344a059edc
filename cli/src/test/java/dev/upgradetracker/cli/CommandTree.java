package dev.upgradetracker.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Every command of the tool, by the words that name it ({@code campaign retry}). */
final class CommandTree {

  private CommandTree() {}

  /** Each command and subcommand a user sees: not {@code help}, nor hidden ones. */
  static List<List<String>> all() {
    var paths = new ArrayList<List<String>>();
    collect(UpgradeCli.commandLine(), List.of(), paths, false);
    return paths;
  }

  /** The commands that do something, not only hold subcommands. */
  static List<List<String>> leaves() {
    var paths = new ArrayList<List<String>>();
    collect(UpgradeCli.commandLine(), List.of(), paths, true);
    return paths;
  }

  private static void collect(
      CommandLine command, List<String> path, List<List<String>> paths, boolean leavesOnly) {
    // each subcommand once, by its name: an alias maps to the same one
    for (var sub : command.getSubcommands().values().stream().distinct().toList()) {
      var name = sub.getCommandName();
      if (name.equals("help") || sub.getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      var subPath = new ArrayList<>(path);
      subPath.add(name);
      if (!leavesOnly || sub.getSubcommands().isEmpty()) {
        paths.add(List.copyOf(subPath));
      }
      collect(sub, subPath, paths, leavesOnly);
    }
  }
}
