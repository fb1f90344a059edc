package dev.upgradetracker.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    description =
        "Print the bash (and zsh) completion of commands, subcommands and options: add"
            + " 'source <(upgrade completion)' to ~/.bashrc, with upgrade on the PATH or an alias.")
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("upgrade", spec.root().commandLine()));
    return 0;
  }
}
