package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.AppPackage;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign over 20 simulated clusters of both topologies, on the real broker, the H2 file store
 * and real SSH: once undisturbed, once with the command service, the executor and the query service
 * each killed with SIGKILL mid-way. Both must end with every host on 4.0, every guest on the 4.0
 * kit, no rule broken at any moment (the simulator's log), and exactly the same host commands run.
 */
class CampaignIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CLUSTERS = 20;
  private static final Duration PATIENCE = Duration.ofMinutes(8);

  /** Commands that change a host; reads and probes may repeat, these must not. */
  private static final List<String> EFFECTS =
      List.of(
          "cmhaltpkg",
          "cmrunpkg",
          "cmmodpkg",
          "cmhaltnode",
          "cmrunnode",
          "hpvmstart",
          "hpvmstop",
          "swinstall",
          "update-ux",
          "backup-host",
          "backup-guests");

  @TempDir Path undisturbedData;
  @TempDir Path crashedData;

  @Test
  void twentyClustersEndUpgradedAndRunTheSameHostCommandsWhetherOrNotServicesAreKilled()
      throws Exception {
    var undisturbed = runCampaign(undisturbedData, false);
    var crashed = runCampaign(crashedData, true);

    assertThat(crashed)
        .as("host commands with effects, by host and command line, with their counts")
        .isEqualTo(undisturbed);
  }

  /** Runs the campaign to completion; answers how often each effect command ran on each host. */
  private Map<String, Long> runCampaign(Path dataDir, boolean killServices) throws Exception {
    var fleet = fleet();
    try (var stack = Stack.start(TestStacks.on(dataDir, fleet.toArray(ClusterSpec[]::new)))) {
      var client = new CampaignClient(stack, "alpha");
      int totalSteps = 0;
      for (var cluster : fleet) {
        var plan = client.post("/api/clusters/" + cluster.id() + "/plan", "{}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        totalSteps += JSON.readTree(plan.body()).get("steps").size();
      }
      client.start(
          """
          {"campaignId": "fleet-drill", "clusterIds": %s, "maxClustersInProgress": 20,
           "stepTimeout": "PT5M"}
          """
              .formatted(JSON.writeValueAsString(fleet.stream().map(ClusterSpec::id).toList())));

      if (killServices) {
        int steps = totalSteps;
        killAt(client, steps / 4, () -> crashAndRestart(stack, "command-service"));
        killAt(client, steps / 2, () -> crashAndRestart(stack, "executor"));
        killAt(client, steps * 3 / 4, () -> crashAndRestart(stack, "query-service"));
      }
      var done =
          client.await(
              "fleet-drill",
              c -> CampaignClient.status(c).equals("COMPLETED"),
              PATIENCE,
              "the campaign completed");

      assertThat(CampaignClient.stepsDone(done)).isEqualTo(totalSteps);
      var simulated = stack.simulator().fleet();
      assertThat(simulated.violations()).isEmpty();
      assertThat(simulated.hosts())
          .hasSize(fleet.stream().mapToInt(c -> c.hosts().size()).sum())
          .allSatisfy(
              h -> {
                assertThat(h.ivmVersion()).as(h.name()).isEqualTo("B.04.00");
                assertThat(h.patched()).as(h.name()).isTrue();
              });
      for (var cluster : fleet) {
        assertThat(simulated.guestsOf(cluster.id()))
            .allSatisfy(g -> assertThat(g.kitVersion()).as(g.name()).isEqualTo("B.04.00"));
        if (cluster.topology() == Topology.GUESTS_AS_NODES) {
          assertThat(simulated.guestsOf(cluster.id())).allMatch(g -> g.member());
          assertThat(simulated.packagesOf(cluster.id()))
              .as("application packages running, switching enabled")
              .allMatch(p -> p.running() && p.autorun());
        } else {
          assertThat(simulated.guestsOf(cluster.id()))
              .as("guest packages running, switching enabled")
              .allMatch(g -> g.running() && g.autorun());
        }
      }
      return effects(simulated.commandLog());
    }
  }

  private static void killAt(CampaignClient client, int steps, ThrowingRunnable kill)
      throws Exception {
    client.await(
        "fleet-drill",
        c -> CampaignClient.stepsDone(c) >= steps,
        PATIENCE,
        steps + " steps were done");
    kill.run();
  }

  private static void crashAndRestart(Stack stack, String service) throws InterruptedException {
    stack.crash(service);
    stack.restart(service);
  }

  private static Map<String, Long> effects(List<CommandLogEntry> log) {
    return log.stream()
        .filter(e -> EFFECTS.contains(e.commandLine().split(" ")[0]))
        .collect(
            Collectors.groupingBy(
                e -> e.host() + ": " + e.commandLine(), TreeMap::new, Collectors.counting()));
  }

  /**
   * Ten clusters of each topology, 3 or 4 hosts each. Guests as nodes: two guest nodes per host on
   * 3 hosts, one per host on 4, so that halting one host's guests keeps a majority (R6).
   */
  private static List<ClusterSpec> fleet() {
    return IntStream.range(0, CLUSTERS)
        .mapToObj(
            i -> i % 2 == 0 ? asPackages("p" + i, 3 + i % 4 / 2) : asNodes("n" + i, 3 + i % 4 / 2))
        .toList();
  }

  private static ClusterSpec asPackages(String id, int hosts) {
    var guests = new ArrayList<Guest>();
    for (int h = 1; h <= hosts; h++) {
      for (int g = 1; g <= (h == 1 ? 2 : 1); g++) {
        guests.add(new Guest(id + "-g" + h + g, id + "-h" + h, "A.03.50"));
      }
    }
    return new ClusterSpec(
        id, "alpha", Topology.GUESTS_AS_PACKAGES, false, hosts(id, hosts), guests, List.of());
  }

  private static ClusterSpec asNodes(String id, int hosts) {
    int perHost = hosts == 3 ? 2 : 1;
    var guests = new ArrayList<Guest>();
    for (int h = 1; h <= hosts; h++) {
      for (int g = 1; g <= perHost; g++) {
        guests.add(new Guest(id + "-n" + h + g, id + "-h" + h, "A.03.50"));
      }
    }
    Function<Integer, String> nodeOn = h -> id + "-n" + h + "1";
    var packages =
        List.of(
            new AppPackage(
                id + "-app1", nodeOn.apply(1), List.of(nodeOn.apply(2), nodeOn.apply(3))),
            new AppPackage(
                id + "-app2", nodeOn.apply(2), List.of(nodeOn.apply(3), nodeOn.apply(1))));
    return new ClusterSpec(
        id, "alpha", Topology.GUESTS_AS_NODES, false, hosts(id, hosts), guests, packages);
  }

  private static List<VmHost> hosts(String id, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(h -> TestStacks.host(id + "-h" + h)).toList();
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
