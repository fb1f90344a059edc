package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Connection;
import dev.upgradetracker.cli.api.UsageProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  private static final int PAGE_SIZE = 500;

  enum Format {
    table,
    json,
    csv
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

  @Option(names = "--format", defaultValue = "table", description = "table, json or csv")
  Format format;

  @Option(names = "--page", description = "only this page (from 0); default: every page")
  Integer page;

  @Option(names = "--size", defaultValue = "100", description = "events a page, with --page")
  int size;

  @Override
  public Integer call() {
    if (cluster != null && campaign != null && team != null) {
      throw new UsageProblem("give at most --cluster or --campaign, with --team only fleet-wide");
    }
    var api = connection.api();
    var out = spec.commandLine().getOut();
    var pages = page != null ? List.of(page) : null;
    var entries = new ArrayList<JsonNode>();
    var csvHeaderWritten = false;
    for (int current = pages != null ? page : 0; ; current++) {
      var path = path(current, pages != null ? size : PAGE_SIZE);
      if (format == Format.csv) {
        var csv = api.queryText(path);
        var rows = csv.split("\r\n", -1);
        for (int row = csvHeaderWritten ? 1 : 0; row < rows.length; row++) {
          if (!rows[row].isEmpty()) {
            out.print(rows[row] + "\r\n");
          }
        }
        csvHeaderWritten = true;
        if (pages != null || rows.length - 2 < PAGE_SIZE) {
          break;
        }
      } else {
        var answer = api.query(path);
        answer.path("items").forEach(entries::add);
        int pageSize = answer.path("size").asInt();
        boolean last = (long) (current + 1) * pageSize >= answer.path("total").asInt();
        if (pages != null || last) {
          break;
        }
      }
    }
    if (format == Format.json) {
      out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
    } else if (format == Format.table) {
      entries.forEach(entry -> printEntry(out, entry));
      out.printf("%d events%n", entries.size());
    }
    return 0;
  }

  private String path(int pageNumber, int pageSize) {
    var parameters = new LinkedHashMap<String, Object>();
    String base;
    if (cluster != null) {
      base = "/api/clusters/" + cluster + "/history";
      parameters.put("campaign", campaign);
    } else if (campaign != null) {
      base = "/api/campaigns/" + campaign + "/history";
      parameters.put("cluster", cluster);
    } else {
      base = "/api/history";
      parameters.put("team", team);
    }
    parameters.put("host", host);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("page", pageNumber);
    parameters.put("size", pageSize);
    parameters.put("format", format == Format.csv ? "csv" : "json");
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
