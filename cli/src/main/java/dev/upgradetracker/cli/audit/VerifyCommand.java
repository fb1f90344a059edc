package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.cli.api.Connection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
    name = "verify",
    description =
        "Check the stored hash chains (one cluster's, one campaign's, or all) and report the first"
            + " break. Exit 1 if any chain is broken.")
public final class VerifyCommand implements Callable<Integer> {

  @Mixin Connection connection;
  @Spec CommandSpec spec;

  @Option(names = "--cluster", description = "only this cluster")
  String cluster;

  @Option(names = "--campaign", description = "only this campaign")
  String campaign;

  @Override
  public Integer call() {
    var api = connection.api();
    var out = spec.commandLine().getOut();
    if (cluster != null || campaign != null) {
      var report =
          cluster != null
              ? api.commandSide("/api/clusters/" + cluster + "/verification")
              : api.commandSide("/api/campaigns/" + campaign + "/verification");
      print(out, report);
      return report.path("intact").asBoolean() ? 0 : UpgradeCli.REFUSED;
    }
    var all = api.commandSide("/api/verification");
    for (var broken : all.path("broken")) {
      print(out, broken);
    }
    out.printf(
        "%s: %d aggregates, %d events checked%n",
        all.path("intact").asBoolean() ? "intact" : "BROKEN",
        all.path("aggregates").asInt(),
        all.path("events").asLong());
    return all.path("intact").asBoolean() ? 0 : UpgradeCli.REFUSED;
  }

  private static void print(PrintWriter out, JsonNode report) {
    if (report.path("intact").asBoolean()) {
      out.printf(
          "%s: intact, %d events chained%n",
          report.path("aggregateId").asString(), report.path("events").asLong());
      return;
    }
    var at = report.path("firstBreak");
    out.printf(
        "%s: BROKEN at position %d (event %s): %s%n    expected %s%n    found    %s%n",
        report.path("aggregateId").asString(),
        at.path("sequence").asLong(),
        at.path("eventId").asString(),
        at.path("problem").asString(),
        at.path("expected").asString(),
        at.path("found").asString());
  }
}
