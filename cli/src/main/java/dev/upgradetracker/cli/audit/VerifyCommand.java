package dev.upgradetracker.cli.audit;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
      boolean headMatches = compareWithKafkaCopy(api, out, report);
      return report.path("intact").asBoolean() && headMatches ? 0 : UpgradeCli.REFUSED;
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
    boolean headsMatch = compareHeadsWithKafkaCopies(api, out, all.path("heads"));
    return all.path("intact").asBoolean() && headsMatch ? 0 : UpgradeCli.REFUSED;
  }

  /** Every cluster's stored head against its copy on Kafka, once the copies have caught up. */
  private static boolean compareHeadsWithKafkaCopies(Api api, PrintWriter out, JsonNode heads) {
    var stored = new HashMap<String, JsonNode>();
    heads.forEach(head -> stored.put(head.path("aggregateId").asString(), head));
    var deadline = System.nanoTime() + COPY_PATIENCE.toNanos();
    while (true) {
      var differing = new ArrayList<String>();
      int matching = 0;
      int behind = 0;
      for (var copy : api.query("/api/history/heads")) {
        var head = stored.get(copy.path("clusterId").asString());
        if (head == null) {
          continue;
        }
        if (copy.path("position").asLong() != head.path("position").asLong()) {
          behind++;
        } else if (copy.path("hash").asString("").equals(head.path("hash").asString())) {
          matching++;
        } else {
          differing.add(
              head.path("aggregateId").asString()
                  + ": "
                  + differs(
                      head.path("position").asLong(),
                      head.path("hash").asString(),
                      copy.path("hash").asString("")));
        }
      }
      if (behind == 0 || System.nanoTime() > deadline || !pause()) {
        differing.forEach(out::println);
        out.printf(
            "heads of %d clusters match the copy on Kafka%s%n",
            matching,
            behind == 0 ? "" : "; " + behind + " not compared (the copy is at another position)");
        return differing.isEmpty();
      }
    }
  }

  /**
   * A chain rewritten consistently from some event on is intact in itself; its head then differs
   * from the copy of that event published on Kafka, which the query service keeps.
   */
  private boolean compareWithKafkaCopy(Api api, PrintWriter out, JsonNode report) {
    long head = report.path("headPosition").asLong();
    var stored = report.path("headHash").asString("");
    var deadline = System.nanoTime() + COPY_PATIENCE.toNanos();
    JsonNode copy;
    do {
      copy = api.query("/api/clusters/" + cluster + "/history?size=1&page=" + head).path("items");
    } while (copy.isEmpty() && System.nanoTime() < deadline && pause());
    if (copy.isEmpty()) {
      out.printf("    the copy on Kafka has not reached position %d yet: not compared%n", head);
      return true;
    }
    var published = copy.get(0).path("hash").asString("");
    if (published.equals(stored)) {
      out.printf("    head (position %d) matches the copy on Kafka: %s%n", head, stored);
      return true;
    }
    out.println("    " + differs(head, stored, published));
    return false;
  }

  private static String differs(long position, String stored, String published) {
    return "head (position %d) DIFFERS from the copy on Kafka:%n    stored    %s%n    published %s"
        .formatted(position, stored, published);
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
