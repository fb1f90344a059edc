package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.testsupport.TestDatabases;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> TEAMS = List.of("alpha", "bravo", "charlie");
  private static final int CLUSTERS_PER_TEAM = 4;
  // two sites, each with its depot, and two node upgrades at once per depot: a third of the demand
  private static final int SITES = 2;
  private static final int UPGRADES_PER_DEPOT = 2;
  private static final Pattern DEPOT = Pattern.compile("-s (\\S+?):");
  private static final Duration PATIENCE = Duration.ofMinutes(4);

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
    try (var stack =
        Stack.start(
            TestStacks.distributed(
                dataDir,
                TestDatabases.url(database),
                TEAMS,
                Map.of("UPGRADE_SLOTS_PER_DEPOT", String.valueOf(UPGRADES_PER_DEPOT)),
                everyCluster))) {
      var planned = new TreeMap<String, Integer>();
      for (var team : TEAMS) {
        planned.putAll(start(stack, team, fleets.get(team)));
      }
      int allSteps = planned.values().stream().mapToInt(Integer::intValue).sum();

      var slotWaits = new TreeSet<String>();
      awaitStepsDone(stack, allSteps / 4, slotWaits);
      killAndRestart(stack);

      for (var team : TEAMS) {
        var done =
            new CampaignClient(stack, team)
                .await(
                    campaignOf(team),
                    c -> slotWaitsIn(c, slotWaits) && CampaignClient.status(c).equals("COMPLETED"),
                    PATIENCE,
                    team + "'s campaign completed");
        for (var cluster : fleets.get(team)) {
          assertThat(CampaignClient.run(done, cluster.id()).get("stepsCompleted").asInt())
              .as("steps done on %s, in %s (data kept in %s)", cluster.id(), done, dataDir)
              .isEqualTo(planned.get(cluster.id()));
        }
      }
      assertHostsUpgradedWithoutBreachOrRepeat(stack, fleets);
      assertThat(slotWaits)
          .as("node upgrades shown waiting for a slot of their depot, the budget being smaller")
          .anyMatch(detail -> detail.contains("waiting for a depot slot (2 of 2 in use at depot"));
      assertNoDepotOverBudget(stack, List.of(everyCluster));
      assertChainsIntactAndPublished(stack);
      assertViewsEqualARebuild(stack);
    } finally {
      TestDatabases.drop(database);
    }
  }

  /**
   * Starts the team's campaign over its clusters, all at once (as many in flight as the fleet
   * allows); answers each cluster's planned steps.
   */
  private static Map<String, Integer> start(Stack stack, String team, List<ClusterSpec> fleet)
      throws Exception {
    var client = new CampaignClient(stack, team);
    var steps = new TreeMap<String, Integer>();
    for (var cluster : fleet) {
      var plan = client.post("/api/clusters/" + cluster.id() + "/plan", "{}");
      assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
      steps.put(cluster.id(), JSON.readTree(plan.body()).get("steps").size());
    }
    client.start(
        """
          {"campaignId": "%s", "clusterIds": %s, "maxClustersInProgress": 4,
           "stepTimeout": "PT5M"}
          """
            .formatted(
                campaignOf(team),
                JSON.writeValueAsString(fleet.stream().map(ClusterSpec::id).toList())));
    return steps;
  }

  private static String campaignOf(String team) {
    return "drill-" + team;
  }

  private static void awaitStepsDone(Stack stack, int steps, Set<String> slotWaits)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (stepsDone(stack, slotWaits) < steps) {
      assertThat(System.nanoTime())
          .as("%d steps done within %s", steps, PATIENCE)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int stepsDone(Stack stack, Set<String> slotWaits) {
    int done = 0;
    for (var team : TEAMS) {
      var campaign = new CampaignClient(stack, team).campaign(campaignOf(team));
      if (campaign != null) {
        slotWaitsIn(campaign, slotWaits);
        done += CampaignClient.stepsDone(campaign);
      }
    }
    return done;
  }

  /** Adds what the campaign's clusters wait for now to {@code seen}; always true. */
  private static boolean slotWaitsIn(JsonNode campaign, Set<String> seen) {
    for (var run : campaign.get("clusters")) {
      if (run.get("phase").asString().equals("AWAITING_SLOT")) {
        seen.add(run.get("detail").asString());
      }
    }
    return true;
  }

  /**
   * From the simulator's log: while each node upgrade ran (its host action's commands, from the
   * first to the last, which the slot spans), no depot served more than its budget at once.
   */
  private static void assertNoDepotOverBudget(Stack stack, List<ClusterSpec> fleet) {
    var simulated = stack.simulator().fleet();
    var upgrades = new ArrayList<Upgrade>();
    for (var cluster : fleet) {
      var byAction =
          simulated.commandLogOf(cluster.id()).stream()
              .collect(
                  Collectors.groupingBy(
                      CommandLogEntry::actionId, LinkedHashMap::new, Collectors.toList()));
      for (var entries : byAction.values()) {
        var update =
            entries.stream().filter(e -> e.commandLine().startsWith("update-ux")).findFirst();
        if (update.isPresent()) {
          var depot = DEPOT.matcher(update.get().commandLine());
          assertThat(depot.find()).as(update.get().commandLine()).isTrue();
          upgrades.add(
              new Upgrade(depot.group(1), entries.getFirst().at(), entries.getLast().at()));
        }
      }
    }
    assertThat(upgrades).as("node upgrades in the simulator's log").hasSizeGreaterThan(SITES);
    for (var upgrade : upgrades) {
      long atOnce =
          upgrades.stream()
              .filter(other -> other.depot().equals(upgrade.depot()))
              .filter(
                  other ->
                      !other.from().isAfter(upgrade.from()) && !other.to().isBefore(upgrade.from()))
              .count();
      assertThat(atOnce)
          .as(
              "node upgrades running at %s on %s when %s began",
              upgrade.from(), upgrade.depot(), upgrade)
          .isLessThanOrEqualTo(UPGRADES_PER_DEPOT);
    }
  }

  private record Upgrade(String depot, Instant from, Instant to) {}

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

  private static void assertHostsUpgradedWithoutBreachOrRepeat(
      Stack stack, Map<String, List<ClusterSpec>> fleets) {
    var simulated = stack.simulator().fleet();
    var effectsByTeam = new TreeMap<String, Map<String, Long>>();
    for (var team : fleets.keySet()) {
      var effects = new TreeMap<String, Long>();
      var fleet = fleets.get(team);
      for (int index = 0; index < fleet.size(); index++) {
        var cluster = fleet.get(index);
        assertUpgradedWithoutBreach(simulated, cluster);
        var log = simulated.commandLogOf(cluster.id());
        assertThat(log)
            .filteredOn(entry -> HostEffects.isEffect(entry.commandLine()))
            .as(
                "every command with an effect on %s names the host action that sent it",
                cluster.id())
            .allSatisfy(
                entry ->
                    assertThat(entry.actionId())
                        .startsWith(campaignOf(cluster.team()) + "/" + cluster.id() + "/"));
        effects.putAll(effects(index, cluster.id(), log));
      }
      assertThat(effects)
          .as("%s's host commands with effects run more than once", team)
          .allSatisfy((command, times) -> assertThat(times).as(command).isEqualTo(1));
      effectsByTeam.put(team, effects);
    }
    // the teams' fleets have the same shapes: a kill that cut into one team's steps and not into
    // another's must not have changed what ran on a host, only when
    var first = effectsByTeam.firstEntry().getValue();
    assertThat(effectsByTeam)
        .as("host commands with effects, by host and command line, the same for every team")
        .allSatisfy((team, effects) -> assertThat(effects).as(team).isEqualTo(first));
  }

  private static void assertUpgradedWithoutBreach(FleetModel simulated, ClusterSpec cluster) {
    assertThat(simulated.violationsOf(cluster.id())).as(cluster.id()).isEmpty();
    assertThat(simulated.hostsOf(cluster.id()))
        .hasSize(cluster.hosts().size())
        .allSatisfy(
            host -> {
              assertThat(host.ivmVersion()).as(host.name()).isEqualTo("B.04.00");
              assertThat(host.patched()).as(host.name()).isTrue();
            });
    assertThat(simulated.guestsOf(cluster.id()))
        .allSatisfy(guest -> assertThat(guest.kitVersion()).as(guest.name()).isEqualTo("B.04.00"));
    if (cluster.topology() == Topology.GUESTS_AS_NODES) {
      assertThat(simulated.guestsOf(cluster.id())).allMatch(guest -> guest.member());
      assertThat(simulated.packagesOf(cluster.id()))
          .as("application packages running, switching enabled")
          .allMatch(pkg -> pkg.running() && pkg.autorun());
    } else {
      assertThat(simulated.guestsOf(cluster.id()))
          .as("guest packages running, switching enabled")
          .allMatch(guest -> guest.running() && guest.autorun());
    }
  }

  /**
   * How often each command with effects ran on each host of a team's {@code index}th cluster, with
   * the cluster's id in host names and command lines replaced by its index.
   */
  private static Map<String, Long> effects(int index, String clusterId, List<CommandLogEntry> log) {
    var id = Pattern.compile("\\b" + Pattern.quote(clusterId) + "\\b");
    return log.stream()
        .filter(entry -> HostEffects.isEffect(entry.commandLine()))
        .collect(
            Collectors.groupingBy(
                entry ->
                    id.matcher(entry.host() + ": " + entry.commandLine()).replaceAll("#" + index),
                TreeMap::new,
                Collectors.counting()));
  }

  private static void assertChainsIntactAndPublished(Stack stack) throws Exception {
    var verification =
        JSON.readTree(
            Http.get(stack.commandUrl() + "/api/verification", DemoIdentities.AUDITOR_TOKEN)
                .body());
    assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
  }

  private static void assertViewsEqualARebuild(Stack stack) throws Exception {
    var started =
        Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.AUDITOR_TOKEN, "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    var report = JSON.readTree(started.body());
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (report.get("status").asString().equals("RUNNING")) {
      assertThat(System.nanoTime()).as("the rebuild ended").isLessThan(deadline);
      Thread.sleep(500);
      report =
          JSON.readTree(
              Http.get(
                      stack.queryUrl() + "/api/replays/" + report.get("replayId").asString(),
                      DemoIdentities.AUDITOR_TOKEN)
                  .body());
    }
    assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("DONE");
    for (JsonNode store : report.get("stores")) {
      assertThat(store.get("differences")).as(store.toString()).isEmpty();
    }
  }
}
