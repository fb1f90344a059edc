package dev.upgradetracker.cli.fleet;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.api.Warnings;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "plan",
    description =
        "Show the steps that would upgrade a cluster from where it stands (a dry run: nothing"
            + " changes).")
public final class PlanCommand implements Callable<Integer> {

  @Mixin Connection connection;
  @Mixin Output output;

  @Parameters(paramLabel = "CLUSTER")
  String clusterId;

  @Option(
      names = "--mode",
      defaultValue = "UPDATE",
      description = "UPDATE (update-ux) or COLD_MIGRATE; default ${DEFAULT-VALUE}")
  String mode;

  @Override
  public Integer call() {
    var plan =
        connection
            .api()
            .command(
                "/api/clusters/" + clusterId + "/plan",
                Api.JSON.createObjectNode().put("mode", mode).toString());
    output.print(plan, out -> print(out, plan));
    return 0;
  }

  private static void print(PrintWriter out, JsonNode plan) {
    out.printf(
        "Plan for %s (%s), nodes in order: %s%n",
        plan.path("clusterId").asString(),
        plan.path("topology").asString(),
        String.join(", ", plan.path("nodeOrder").valueStream().map(n -> n.asString()).toList()));
    Warnings.print(out, plan.path("warnings"), "");
    for (var step : plan.path("steps")) {
      var rules = step.path("rulesChecked").valueStream().map(r -> r.asString()).toList();
      out.printf(
          "%3d. %-22s %-16s%s%n",
          step.path("number").asInt(),
          step.path("command").asString(),
          step.path("subject").asString(),
          rules.isEmpty() ? "" : " checked " + String.join(",", rules));
      for (var action : step.path("hostActions")) {
        out.println("       - " + action.asString());
      }
    }
  }
}
