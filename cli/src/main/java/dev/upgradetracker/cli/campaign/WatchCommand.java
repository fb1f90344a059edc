package dev.upgradetracker.cli.campaign;

import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "watch",
    description =
        "Follow a campaign or a cluster live: a line per change, as it happens. Ends when the"
            + " campaign ends or the cluster is upgraded (unless --forever).")
public final class WatchCommand implements Callable<Integer> {

  private static final Set<String> CAMPAIGN_ENDS = Set.of("COMPLETED", "ABORTED", "STOPPED");
  private static final String UPGRADED = "UPGRADED";

  enum Subject {
    campaign,
    cluster
  }

  @Mixin Connection connection;
  @Mixin Output output;

  @Parameters(index = "0", paramLabel = "campaign|cluster")
  Subject subject;

  @Parameters(index = "1", paramLabel = "ID")
  String id;

  @Option(names = "--forever", description = "keep following after the end")
  boolean forever;

  /** A change that reads the same as the last line printed is not printed again. */
  private String lastLine;

  private final Map<String, String> phases = new HashMap<>();

  @Override
  public Integer call() {
    var api = connection.api();
    // a live stream waits for a subject that does not exist yet: say so at once instead
    if (subject == Subject.campaign) {
      api.query("/api/campaigns/" + id);
    } else {
      api.query("/api/clusters/" + id);
    }
    api.follow(
        "/api/live/" + subject + "s/" + id,
        view -> {
          output.printNext(
              view,
              out -> {
                if (subject == Subject.campaign) {
                  campaign(out, view);
                } else {
                  cluster(out, view);
                }
              });
          return !forever && ends(view);
        });
    return 0;
  }

  /** The campaign ended, or the cluster is upgraded: there is nothing more to follow. */
  private boolean ends(JsonNode view) {
    return subject == Subject.campaign
        ? CAMPAIGN_ENDS.contains(view.path("status").asString())
        : UPGRADED.equals(view.path("progress").path("phase").asString());
  }

  private void campaign(PrintWriter out, JsonNode view) {
    var counts = view.path("counts");
    var status = view.path("status").asString();
    var line =
        String.format(
            "%s  %-9s %5.1f%%  done %d/%d  running %d  failed %d  steps %d/%d%s",
            view.path("campaignId").asString(),
            status,
            counts.path("percent").asDouble(),
            counts.path("done").asInt(),
            counts.path("total").asInt(),
            counts.path("running").asInt(),
            counts.path("failed").asInt(),
            counts.path("stepsCompleted").asInt(),
            counts.path("stepsPlanned").asInt(),
            counts.path("eta").isString() ? "  ETA " + counts.path("eta").asString() : "");
    print(out, view, line);
    for (var run : view.path("clusters")) {
      var cluster = run.path("clusterId").asString();
      var phase = run.path("phase").asString();
      if (!phase.equals(phases.put(cluster, phase))) {
        var detail = run.path("detail").asString("");
        out.printf(
            "           %s -> %s%s%n", cluster, phase, detail.isEmpty() ? "" : " (" + detail + ")");
      }
    }
  }

  private void cluster(PrintWriter out, JsonNode view) {
    var progress = view.path("progress");
    var step = progress.path("currentStep");
    int hosts = view.path("hosts").size();
    long upgraded =
        view.path("hosts")
            .valueStream()
            .filter(h -> h.path("ivmVersion").asString("").startsWith("B.04"))
            .count();
    var line =
        String.format(
            "%s  %-17s steps %d/%d  hosts on 4.0: %d/%d%s",
            view.path("clusterId").asString(),
            progress.path("phase").asString(),
            progress.path("stepsDone").asInt(),
            progress.path("stepsTotal").asInt(),
            upgraded,
            hosts,
            step.isObject()
                ? "  "
                    + step.path("command").asString()
                    + " "
                    + step.path("subject").asString("")
                    + " "
                    + step.path("status").asString()
                : "");
    print(out, view, line);
  }

  private void print(PrintWriter out, JsonNode view, String line) {
    if (!line.equals(lastLine)) {
      out.println(time(view) + "  " + line);
      lastLine = line;
    }
  }

  private static String time(JsonNode view) {
    var at = view.path("lastEventAt").asString("");
    return at.length() >= 19 ? at.substring(11, 19) : "--:--:--";
  }
}
