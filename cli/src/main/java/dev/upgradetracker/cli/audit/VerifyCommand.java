package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
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

  private static final Duration COPY_PATIENCE = Duration.ofSeconds(10);

  @Mixin Connection connection;
  @Spec CommandSpec spec;

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
    var out = spec.commandLine().getOut();
    if (campaign != null) {
      var report = api.commandSide("/api/campaigns/" + campaign + "/verification");
      print(out, report);
      return report.path("intact").asBoolean() ? 0 : UpgradeCli.REFUSED;
    }
    if (cluster != null) {
      var report = api.commandSide("/api/clusters/" + cluster + "/verification");
      print(out, report);
      var head = Api.JSON.createArrayNode();
      head.addObject()
          .put("aggregateId", cluster)
          .put("aggregateType", report.path("aggregateType").asString(""))
          .put("position", report.path("headPosition").asLong())
          .put("hash", report.path("headHash").asString(""))
          .put("at", report.path("headAt").asString(""));
      boolean headsMatch = compareWithKafkaCopies(api, out, head);
      return report.path("intact").asBoolean() && headsMatch ? 0 : UpgradeCli.REFUSED;
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
    boolean headsMatch = compareWithKafkaCopies(api, out, all.path("heads"));
    return all.path("intact").asBoolean() && headsMatch ? 0 : UpgradeCli.REFUSED;
  }

  /**
   * Every stored head against its copy on Kafka; clusters still being published get a few seconds
   * to arrive. A chain rewritten consistently from some event on is intact in itself; its head then
   * differs from the copy published on Kafka.
   */
  private boolean compareWithKafkaCopies(Api api, PrintWriter out, JsonNode heads) {
    var deadline = System.nanoTime() + COPY_PATIENCE.toNanos();
    HeadComparison comparison;
    do {
      comparison =
          HeadComparison.of(heads, api.query("/api/history/heads"), Instant.now(), publishGrace);
    } while (!comparison.inFlight().isEmpty() && System.nanoTime() < deadline && pause());
    comparison.problems().forEach(out::println);
    if (cluster != null && comparison.matching() == 1) {
      var head = heads.get(0);
      out.printf(
          "    head (position %d) matches the copy on Kafka: %s%n",
          head.path("position").asLong(), head.path("hash").asString());
    } else {
      out.printf("heads of %d clusters match the copy on Kafka%n", comparison.matching());
    }
    if (!comparison.inFlight().isEmpty()) {
      out.printf(
          "%d clusters still being published (stored within %s): %s%n",
          comparison.inFlight().size(), publishGrace, String.join(", ", comparison.inFlight()));
    }
    comparison
        .notCompared()
        .forEach(
            (kind, ids) ->
                out.printf("not compared: %d %s: %s%n", ids.size(), kind, String.join(", ", ids)));
    return comparison.ok();
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
