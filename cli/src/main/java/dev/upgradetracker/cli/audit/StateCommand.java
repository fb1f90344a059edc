package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.api.UsageProblem;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "state",
    aliases = "state-as-of",
    description =
        "A cluster as it stood at an instant or after a position of its history, rebuilt by"
            + " replaying its events.")
public final class StateCommand implements Callable<Integer> {

  @Mixin Connection connection;
  @Mixin Output output;

  @Parameters(paramLabel = "CLUSTER")
  String clusterId;

  @Option(names = "--at", description = "an ISO-8601 instant, e.g. 2026-11-29T10:15:00Z")
  String at;

  @Option(names = "--position", description = "a position in the cluster's history")
  Long position;

  @Override
  public Integer call() {
    if ((at == null) == (position == null)) {
      throw new UsageProblem("give either --at or --position");
    }
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("at", at);
    parameters.put("position", position);
    var answer =
        connection.api().query("/api/clusters/" + clusterId + "/state" + Api.query(parameters));
    output.print(answer, out -> print(out, answer));
    return 0;
  }

  private void print(PrintWriter out, JsonNode answer) {
    var state = answer.path("state");
    var progress = state.path("progress");
    out.printf(
        "%s as of %s (position %d): %s, team %s, %s, steps %d/%d%n",
        clusterId,
        answer.path("asOf").asString(),
        answer.path("position").asLong(),
        state.path("topology").asString(),
        state.path("team").asString(),
        progress.path("phase").asString(),
        progress.path("stepsDone").asInt(),
        progress.path("stepsTotal").asInt());
    var step = progress.path("currentStep");
    if (step.isObject()) {
      out.printf(
          "  step     %s %s %s%n",
          step.path("command").asString(),
          step.path("subject").asString(""),
          step.path("status").asString());
    }
    for (var host : state.path("hosts")) {
      out.printf(
          "  host     %-16s HP-UX %s  Integrity VM %s  Serviceguard %s%s%n",
          host.path("name").asString(),
          host.path("hpuxVersion").asString(),
          host.path("ivmVersion").asString(),
          host.path("serviceguardVersion").asString(),
          host.path("upgrading").asBoolean() ? "  (upgrading)" : "");
    }
    for (var guest : state.path("guests")) {
      out.printf(
          "  guest    %-16s on %-16s kit %s%n",
          guest.path("name").asString(),
          guest.path("host").asString(),
          guest.path("kitVersion").asString());
    }
    for (var pkg : state.path("packages")) {
      out.printf(
          "  package  %-16s on %s%n", pkg.path("name").asString(), pkg.path("node").asString());
    }
  }
}
