package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "diff",
    description = "What changed in a cluster between two points, each an instant or a position.")
public final class DiffCommand implements Callable<Integer> {

  @Mixin Connection connection;
  @Mixin Output output;

  @Parameters(index = "0", paramLabel = "CLUSTER")
  String clusterId;

  @Parameters(index = "1", paramLabel = "FROM")
  String from;

  @Parameters(index = "2", paramLabel = "TO")
  String to;

  @Override
  public Integer call() {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("from", from);
    parameters.put("to", to);
    var diff =
        connection.api().query("/api/clusters/" + clusterId + "/diff" + Api.query(parameters));
    output.print(diff, out -> print(out, diff));
    return 0;
  }

  private void print(PrintWriter out, JsonNode diff) {
    out.printf(
        "%s from position %d (%s) to position %d (%s): %d changes%n",
        clusterId,
        diff.path("from").path("position").asLong(),
        diff.path("from").path("asOf").asString(),
        diff.path("to").path("position").asLong(),
        diff.path("to").path("asOf").asString(),
        diff.path("changes").size());
    for (var change : diff.path("changes")) {
      out.printf(
          "  %-40s %s -> %s%n",
          change.path("path").asString(),
          change.path("before").isMissingNode() || change.path("before").isNull()
              ? "(none)"
              : change.path("before").toString(),
          change.path("after").isMissingNode() || change.path("after").isNull()
              ? "(none)"
              : change.path("after").toString());
    }
  }
}
