package dev.upgradetracker.cli.fleet;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.cli.api.Connection;
import dev.upgradetracker.cli.api.UsageProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the fleet file, JSON")
    Path file;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UsageProblem("fleet file " + file + " does not exist");
      }
      var answer = connection.api().command("/api/clusters/import", Files.readString(file));
      var out = spec.commandLine().getOut();
      for (var cluster : answer.path("clusters")) {
        var detail = cluster.path("detail").asString("");
        out.printf(
            "%-10s %s%s%n",
            cluster.path("outcome").asString(""),
            cluster.path("clusterId").asString(""),
            detail.isEmpty() ? "" : "  " + detail);
      }
      out.printf(
          "%d registered, %d refused%n",
          answer.path("registered").asInt(), answer.path("refused").asInt());
      return answer.path("refused").asInt() == 0 ? 0 : UpgradeCli.REFUSED;
    }
  }
}
