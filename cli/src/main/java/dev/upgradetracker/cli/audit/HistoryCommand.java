package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.api.UsageProblem;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
    name = "history",
    description =
        "The events of a cluster, a campaign, a team or the fleet, in order: who, when, why, and"
            + " for host actions the command lines run, exit codes, durations and output.")
public final class HistoryCommand implements Callable<Integer> {

  /** The output formats of every command, and CSV (the service writes it). */
  enum Format {
    TABLE,
    JSON,
    YAML,
    CSV
  }

  @Mixin Connection connection;
  @Spec CommandSpec spec;

  @Option(names = "--cluster", description = "one cluster's history")
  String cluster;

  @Option(names = "--campaign", description = "a campaign's events and its clusters' events")
  String campaign;

  @Option(names = "--team", description = "the events of the team's clusters and campaigns")
  String team;

  @Option(names = "--host", description = "only events naming this host")
  String host;

  @Option(names = "--from", description = "from this instant (ISO-8601, inclusive)")
  String from;

  @Option(names = "--to", description = "up to this instant (exclusive)")
  String to;

  @Option(
      names = {"-o", "--output", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json, yaml or csv")
  Format format;

  @Option(
      names = "--page",
      description = "with --cluster: only this page (from 0); default: the whole history")
  Integer page;

  @Option(names = "--size", defaultValue = "500", description = "events a request (at most 500)")
  int size;

  @Override
  public Integer call() {
    if (page != null && cluster == null) {
      throw new UsageProblem(
          "--page needs --cluster: campaign and fleet histories are read whole; bound them with"
              + " --from and --to");
    }
    var api = connection.api();
    var out = spec.commandLine().getOut();
    var entries = new ArrayList<JsonNode>();
    var csvHeaderWritten = false;
    int pageNumber = page != null ? page : 0;
    String after = null;
    while (true) {
      var path = path(pageNumber, after);
      String next;
      if (format == Format.CSV) {
        var csv = api.queryText(path, cluster != null ? "X-Total-Count" : "X-Next");
        var rows = csv.body().split("\r\n", -1);
        for (int row = csvHeaderWritten ? 1 : 0; row < rows.length; row++) {
          if (!rows[row].isEmpty()) {
            out.print(rows[row] + "\r\n");
          }
        }
        csvHeaderWritten = true;
        next = cluster != null ? nextPage(pageNumber, Long.parseLong(csv.header())) : csv.header();
      } else {
        var answer = api.query(path);
        answer.path("items").forEach(entries::add);
        next =
            cluster != null
                ? nextPage(pageNumber, answer.path("total").asLong())
                : answer.path("next").asString(null);
      }
      if (page != null || next == null) {
        break;
      }
      if (cluster != null) {
        pageNumber = Integer.parseInt(next);
      } else {
        after = next;
      }
    }
    switch (format) {
      case JSON ->
          out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
      case YAML -> out.print(Output.yaml(Api.JSON.valueToTree(entries)));
      case TABLE -> {
        entries.forEach(entry -> printEntry(out, entry));
        out.printf("%d events%n", entries.size());
      }
      case CSV -> {} // written page by page above
    }
    return 0;
  }

  /** A cluster's history is paged by number: the next one, if any is left. */
  private String nextPage(int pageNumber, long total) {
    return (long) (pageNumber + 1) * size < total ? Integer.toString(pageNumber + 1) : null;
  }

  /** Cluster histories by page number; campaign and fleet histories by cursor ({@code after}). */
  private String path(int pageNumber, String after) {
    var parameters = new LinkedHashMap<String, Object>();
    String base;
    if (cluster != null) {
      base = "/api/clusters/" + cluster + "/history";
      parameters.put("campaign", campaign);
      parameters.put("page", pageNumber);
    } else {
      base = campaign != null ? "/api/campaigns/" + campaign + "/history" : "/api/history";
      parameters.put("team", campaign != null ? null : team);
      parameters.put("after", after);
    }
    parameters.put("host", host);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("size", size);
    parameters.put("format", format == Format.CSV ? "csv" : "json");
    return base + Api.query(parameters);
  }

  private static void printEntry(PrintWriter out, JsonNode entry) {
    var stream =
        entry.path("kind").asString().equals("campaign")
            ? entry.path("campaignId").asString()
            : entry.path("clusterId").asString();
    out.printf(
        "%s  %s#%d  %s/%s  %s%n",
        entry.path("at").asString(),
        stream,
        entry.path("position").asLong(),
        entry.path("team").asString(entry.path("owner").asString("-")),
        entry.path("user").asString("-"),
        entry.path("summary").asString());
    var action = entry.path("action");
    for (var line : action.path("commandLines")) {
      out.println("      $ " + line.asString());
    }
    if (action.path("exitCode").isNumber()) {
      out.printf(
          "      exit %d after %.1f s (%s)%n",
          action.path("exitCode").asInt(),
          action.path("durationMillis").asLong() / 1000.0,
          action.path("status").asString());
    }
  }
}
