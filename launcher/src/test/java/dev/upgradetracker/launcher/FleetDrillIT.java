package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.testinfra.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed shape under fire, small: three Kafka nodes, two of every service on one
 * PostgreSQL store, three teams each running a campaign over clusters of their own at the same
 * time. Mid-way one Kafka node, one command service, one executor and one query service are killed
 * (SIGKILL) while campaigns run, and started again. Every campaign must still complete with every
 * host upgraded and patched, every guest on the 4.0 kit and its packages running, no rule broken on
 * any host, no host command with an effect run twice, the same host commands run for each team (the
 * teams' fleets have the same shapes, and the kill cut into each at another point), every hash
 * chain intact with its head on Kafka, and every view equal to a rebuild from the log.
 */
class FleetDrillIT {

  private static final List<String> TEAMS = List.of("alpha", "bravo", "charlie");
  private static final int CLUSTERS_PER_TEAM = 2;
  // two sites, each with its depot, two node upgrades at once per depot: two thirds of the demand
  private static final int SITES = 2;
  private static final int UPGRADES_PER_DEPOT = 2;
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final Duration UPDATE_TAKES = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(FleetDrillIT.class);

  // kept when the drill fails: the services' logs and the simulator's state tell what happened
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dataDir;

  @Test
  void everyCampaignCompletesCleanlyThroughTheLossOfABrokerAndOneOfEachService() throws Exception {
    var fleets = new LinkedHashMap<String, List<ClusterSpec>>();
    for (var team : TEAMS) {
      fleets.put(
          team, Fleets.mixedAcrossSites(team.charAt(0) + "c", team, CLUSTERS_PER_TEAM, SITES));
    }
    var everyCluster = fleets.values().stream().flatMap(List::stream).toArray(ClusterSpec[]::new);
    var database = TestDatabases.create("ut_drill");
    var phases = new Phases();
    try (var stack =
        Stack.start(
            TestStacks.distributed(
                dataDir,
                TestDatabases.url(database),
                TEAMS,
                Map.of("UPGRADE_SLOTS_PER_DEPOT", String.valueOf(UPGRADES_PER_DEPOT)),
                everyCluster))) {
      // a node upgrade holds its depot's slot long enough for the views' waits to be seen
      stack.simulator().faults().add(Fault.slow("*", "^update-ux", UPDATE_TAKES));
      var campaigns = new FleetCampaigns(stack, fleets, CLUSTERS_PER_TEAM);
      int allSteps = campaigns.start();
      phases.reached("stack up, " + allSteps + " steps planned");

      campaigns.awaitStepsDone(allSteps / 4, PATIENCE);
      phases.reached("a quarter of the steps done");
      // the services take longer to come back than the campaigns to go on: watched meanwhile
      var watching = campaigns.watch();
      try {
        killAndRestart(stack);
      } finally {
        watching.close();
      }
      phases.reached("killed, and back");
      campaigns.awaitCompleted(PATIENCE);
      phases.reached("every campaign completed");

      var checks = new FleetChecks(stack, fleets);
      assertThat(campaigns.stepsNotAsPlanned()).as("data kept in %s", dataDir).isEmpty();
      assertThat(checks.hostsUpgradedWithoutBreach()).isEmpty();
      assertThat(checks.effectsOnceAndTheSameForEveryTeam(campaigns.campaignOfTeam())).isEmpty();
      assertThat(campaigns.slotWaits())
          .as("node upgrades shown waiting for a slot of their depot, the budget being smaller")
          .anyMatch(detail -> detail.contains("waiting for a depot slot (2 of 2 in use at depot"));
      assertThat(checks.depotUse(UPGRADES_PER_DEPOT).problems()).isEmpty();
      assertThat(checks.chainsIntactAndPublished()).isEmpty();
      assertThat(checks.viewsEqualARebuild(PATIENCE)).isEmpty();
      phases.reached("checked");
    } finally {
      TestDatabases.drop(database);
    }
  }

  /** When each phase of the drill ended: its time varies from run to run, and this says where. */
  private static final class Phases {
    private final long started = System.nanoTime();
    private long last = started;

    void reached(String phase) {
      long now = System.nanoTime();
      log.info(
          "drill: {} after {} s ({} s since the last phase)",
          phase,
          String.format("%.1f", (now - started) / 1e9),
          String.format("%.1f", (now - last) / 1e9));
      last = now;
    }
  }

  /**
   * One Kafka node and the second instance of each service die at once, as their machines would;
   * the services come back at once (their supervisor's way), the node a little later.
   */
  private static void killAndRestart(Stack stack) throws Exception {
    var kafka = stack.kafkaCluster().orElseThrow();
    kafka.kill(2);
    for (var service : List.of("command-service-2", "executor-2", "query-service-2")) {
      stack.crash(service);
    }
    for (var service : List.of("command-service-2", "executor-2", "query-service-2")) {
      stack.restart(service);
    }
    kafka.restart(2);
  }
}
