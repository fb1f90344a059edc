package dev.upgradetracker.cli.host;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Imports;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.api.UsageProblem;
import dev.upgradetracker.cli.context.Connection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "hosts",
    description =
        "The host inventory: which team each VM host belongs to. A team registers clusters only"
            + " over its own hosts; admins assign, reassign and release them.",
    subcommands = {
      HostsCommand.Import.class,
      HostsCommand.Assign.class,
      HostsCommand.Release.class,
      HostsCommand.ListHosts.class
    })
public final class HostsCommand {

  @Command(
      name = "import",
      description =
          "Admins: assign the hosts of an inventory file ({\"hosts\": [{\"name\", \"sshAddress\","
              + " \"team\"}]}) or of a fleet file (each cluster's hosts to its team), each on its"
              + " own; says what became of each. Exit 1 if any was refused.")
  static final class Import implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Parameters(paramLabel = "FILE", description = "the inventory or fleet file, JSON")
    Path file;

    @Override
    public Integer call() throws IOException {
      var answer = connection.api().command("/api/hosts/import", inventory(file));
      output.print(
          answer,
          out -> {
            Imports.printEach(out, answer.path("hosts"), "host");
            out.printf(
                "%d changed, %d unchanged, %d refused%n",
                answer.path("changed").asInt(),
                answer.path("unchanged").asInt(),
                answer.path("refused").asInt());
          });
      return Imports.exitCode(answer);
    }

    /** The file as an inventory; a fleet file's clusters give their hosts to their teams. */
    private static String inventory(Path file) throws IOException {
      JsonNode json;
      try {
        json = Api.JSON.readTree(Imports.read(file, "inventory file"));
      } catch (RuntimeException e) {
        throw new UsageProblem(file + " is not JSON: " + e.getMessage());
      }
      if (!json.has("clusters")) {
        return json.toString();
      }
      List<Map<String, String>> hosts = new ArrayList<>();
      for (var cluster : json.path("clusters")) {
        for (var host : cluster.path("hosts")) {
          var line = new LinkedHashMap<String, String>();
          line.put("name", text(host.path("name")));
          line.put("sshAddress", text(host.path("sshAddress")));
          line.put("team", text(cluster.path("team")));
          hosts.add(line);
        }
      }
      return Api.JSON.writeValueAsString(Map.of("hosts", hosts));
    }
  }

  /** What became of the host, e.g. {@code REASSIGNED h1}. */
  private static int printChange(Output output, JsonNode answer, String host) {
    output.print(answer, out -> out.printf("%s %s%n", answer.path("change").asString(""), host));
    return 0;
  }

  /** A string field's value; null when absent or not a string. */
  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  @Command(name = "assign", description = "Admins: assign a host to a team, or reassign it.")
  static final class Assign implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Parameters(paramLabel = "HOST")
    String host;

    @Option(names = "--address", required = true, description = "host:port where SSH reaches it")
    String address;

    @Option(names = "--team", required = true)
    String team;

    @Override
    public Integer call() {
      var body = Api.JSON.writeValueAsString(Map.of("sshAddress", address, "team", team));
      return printChange(output, connection.api().command("PUT", "/api/hosts/" + host, body), host);
    }
  }

  @Command(name = "release", description = "Admins: the host belongs to no team any more.")
  static final class Release implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Parameters(paramLabel = "HOST")
    String host;

    @Override
    public Integer call() {
      return printChange(
          output, connection.api().command("DELETE", "/api/hosts/" + host, null), host);
    }
  }

  @Command(name = "list", description = "The hosts, with team, address and cluster, by name.")
  static final class ListHosts implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Option(names = "--team", description = "only this team's hosts")
    String team;

    @Override
    public Integer call() {
      var all = Api.JSON.createObjectNode();
      var hosts = all.putArray("hosts");
      String after = null;
      do {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("team", team);
        parameters.put("after", after);
        var page = connection.api().commandSide("/api/hosts" + Api.query(parameters));
        page.path("hosts").forEach(hosts::add);
        after = text(page.path("next"));
      } while (after != null);
      output.print(
          all,
          out -> {
            for (var host : hosts) {
              out.printf(
                  "%-24s %-28s %-16s %s%n",
                  host.path("host").asString(""),
                  host.path("sshAddress").asString(""),
                  host.path("team").asString(""),
                  host.path("clusterId").asString("-"));
            }
          });
      return 0;
    }
  }
}
