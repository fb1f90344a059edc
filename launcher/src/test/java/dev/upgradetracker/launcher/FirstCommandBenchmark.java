package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.messaging.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ./bench first-command [restarts=3] [settle-seconds=0]}: the command service killed and
 * started again that many times on its data; after each start, as soon as it reports healthy (or so
 * many seconds later), one inventory update is timed from sending to its answer, then 20 more.
 * Prints the first beside the median of the others (issue 18: the first at most 50 ms).
 */
public final class FirstCommandBenchmark {

  private static final int LATER = 20;

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int settleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    var cluster = cluster(0);
    try (var stack = Stack.start(TestStacks.on(Files.createTempDirectory("ut-bench-first-")))) {
      var token = stack.tokenOf("alpha");
      stack.assignHosts(new Fleet(List.of(cluster)));
      var registered =
          Http.postJson(
              stack.commandUrl() + "/api/clusters", token, Json.MAPPER.writeValueAsString(cluster));
      if (registered.statusCode() != 201) {
        throw new IllegalStateException("the cluster was not registered: " + registered.body());
      }
      var url = stack.commandUrl() + "/api/clusters/" + cluster.id();
      int update = 1;
      var firsts = new ArrayList<Long>();
      System.out.printf(
          "%nfirst command after a restart of the command service (SIGKILL, start)%n");
      for (int restart = 1; restart <= restarts; restart++) {
        stack.crash("command-service");
        stack.restart("command-service");
        Thread.sleep(settleSeconds * 1_000L);
        long first = timed(url, token, cluster(update++));
        var later = new ArrayList<Long>();
        for (int n = 0; n < LATER; n++) {
          later.add(timed(url, token, cluster(update++)));
        }
        Collections.sort(later);
        firsts.add(first);
        System.out.printf(
            "  restart %d: first command %.1f ms; the %d after it: median %.1f ms, max %.1f ms%n",
            restart, first / 1e6, LATER, later.get(LATER / 2) / 1e6, later.getLast() / 1e6);
      }
      long worst = Collections.max(firsts);
      System.out.printf(
          "  worst first command %.1f ms; target <= 50 ms: %s%n",
          worst / 1e6, worst <= 50_000_000 ? "MET" : "NOT MET");
    }
  }

  private static long timed(String url, String token, ClusterSpec inventory) throws Exception {
    long sent = System.nanoTime();
    var answer = Http.putJson(url, token, Json.MAPPER.writeValueAsString(inventory));
    long took = System.nanoTime() - sent;
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the update was refused: " + answer.body());
    }
    return took;
  }

  /** The benchmark's cluster, its one guest renamed by every update. */
  private static ClusterSpec cluster(int update) {
    return Fleets.cluster("first-command")
        .localNames()
        .guestNames("g-" + update)
        .fleetUniqueHosts()
        .guestsPerHost(1, 1)
        .build();
  }
}
