package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "verify",
    description =
        "Check the stored hash chains (one cluster's, one campaign's, or all) and report the first"
            + " break. Exit 1 if any chain is broken.")
public final class VerifyCommand implements Callable<Integer> {

  private static final Duration COPY_PATIENCE = Duration.ofSeconds(10);

  @Mixin Connection connection;
  @Mixin Output output;

  @Option(names = "--cluster", description = "only this cluster")
  String cluster;

  @Option(names = "--campaign", description = "only this campaign")
  String campaign;

  @Option(
      names = "--publish-grace",
      description =
          "how long a stored event may take to reach Kafka before it counts as not published"
              + " (ISO-8601, default PT1M)")
  Duration publishGrace = Duration.ofMinutes(1);

  @Override
  public Integer call() {
    var api = connection.api();
    var one = campaign != null ? campaign : cluster;
    if (one != null) {
      var report =
          api.commandSide(
              (campaign != null ? "/api/campaigns/" : "/api/clusters/") + one + "/verification");
      var published = verification(api, one).path("published");
      var answer = Api.JSON.createObjectNode();
      answer.set("chain", report);
      answer.set("published", published);
      output.print(
          answer,
          out -> {
            print(out, report);
            printComparison(out, published, true);
          });
      boolean headsMatch = published.path("problems").isEmpty();
      return report.path("intact").asBoolean() && headsMatch ? 0 : UpgradeCli.REFUSED;
    }
    var all = verification(api, null);
    output.print(
        all,
        out -> {
          for (var broken : all.path("broken")) {
            print(out, broken);
          }
          out.printf(
              "%s: %d aggregates, %d events checked%n",
              all.path("intact").asBoolean() ? "intact" : "BROKEN",
              all.path("aggregates").asInt(),
              all.path("events").asLong());
          printComparison(out, all.path("published"), false);
        });
    return all.path("ok").asBoolean() ? 0 : UpgradeCli.REFUSED;
  }

  /**
   * The command service's verification, every stored head compared with its copy on Kafka; asked
   * again for a few seconds while some are still being published.
   */
  private JsonNode verification(Api api, String aggregate) {
    var path =
        "/api/verification?publishGrace="
            + publishGrace
            + (aggregate == null ? "" : "&aggregate=" + aggregate);
    var deadline = System.nanoTime() + COPY_PATIENCE.toNanos();
    JsonNode verification;
    do {
      verification = api.commandSide(path);
    } while (!verification.path("published").path("inFlight").isEmpty()
        && System.nanoTime() < deadline
        && pause());
    return verification;
  }

  /**
   * A chain rewritten consistently from some event on is intact in itself; its head then differs
   * from the copy published on Kafka.
   */
  private void printComparison(PrintWriter out, JsonNode published, boolean oneAggregate) {
    published.path("problems").forEach(problem -> out.println(problem.asString()));
    var inFlight = published.path("inFlight");
    int matching = published.path("matching").asInt();
    if (oneAggregate && matching == 1) {
      out.println("    head matches the copy on Kafka");
    } else {
      out.printf("heads of %d aggregates match the copy on Kafka%n", matching);
    }
    if (!inFlight.isEmpty()) {
      var ids = new ArrayList<String>();
      inFlight.forEach(id -> ids.add(id.asString()));
      out.printf(
          "%d aggregates still being published (stored within %s): %s%n",
          ids.size(), publishGrace, String.join(", ", ids));
    }
    published
        .path("notCompared")
        .properties()
        .forEach(
            kind -> {
              var ids = new ArrayList<String>();
              kind.getValue().forEach(id -> ids.add(id.asString()));
              out.printf(
                  "not compared: %d %s: %s%n", ids.size(), kind.getKey(), String.join(", ", ids));
            });
  }

  private static boolean pause() {
    try {
      Thread.sleep(200);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
