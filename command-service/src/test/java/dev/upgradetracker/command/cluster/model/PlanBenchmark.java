package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.fleet.Fleets;
import java.util.Arrays;

/**
 * {@code ./bench plan [guests=10000] [hosts=16]}: plans the upgrade of one cluster of that many
 * guests spread over that many hosts, five times, and prints each planning's time.
 */
public final class PlanBenchmark {

  public static void main(String[] args) {
    int guests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    var perHost = new int[hosts];
    for (int g = 0; g < guests; g++) {
      perHost[g % hosts]++;
    }
    var spec = Fleets.cluster("bench").fleetUniqueHosts().guestsPerHost(perHost).build();
    ClusterState state = new ClusterState.Unregistered();
    for (var event : ClusterDecider.decide(new RegisterCluster(spec), state)) {
      state = ClusterDecider.evolve(state, event);
    }
    var cluster = (ClusterState.Registered) state;
    System.out.printf("plan: %d guests on %d hosts %s%n", guests, hosts, Arrays.toString(perHost));
    for (int run = 1; run <= 5; run++) {
      long started = System.nanoTime();
      var plan = Planner.plan(cluster, UpgradeMode.UPDATE);
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("run %d: %d steps planned in %d ms%n", run, plan.steps().size(), millis);
    }
  }
}
