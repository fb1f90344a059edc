package dev.upgradetracker.cli.fleet;

import dev.upgradetracker.cli.api.Imports;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.context.Connection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "fleet",
    description = "Manage the fleet.",
    subcommands = {FleetCommand.Import.class})
public final class FleetCommand {

  @Command(
      name = "import",
      description =
          "Register the clusters of a fleet file ({\"clusters\": [...]}), each on its own; says"
              + " what became of each. Exit 1 if any was refused.")
  static final class Import implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Parameters(paramLabel = "FILE", description = "the fleet file, JSON")
    Path file;

    @Override
    public Integer call() throws IOException {
      var answer =
          connection.api().command("/api/clusters/import", Imports.read(file, "fleet file"));
      output.print(
          answer,
          out -> {
            Imports.printEach(out, answer.path("clusters"), "clusterId");
            out.printf(
                "%d registered, %d refused%n",
                answer.path("registered").asInt(), answer.path("refused").asInt());
          });
      return Imports.exitCode(answer);
    }
  }
}
