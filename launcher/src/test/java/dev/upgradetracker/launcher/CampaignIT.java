package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign over 20 simulated clusters of both topologies, on the real broker, the H2 file store
 * and real SSH: once undisturbed, once with the command service, the executor and the query service
 * all killed with SIGKILL mid-way, as a crash of their host would. Both must end with every host on
 * 4.0, every guest on the 4.0 kit, no rule broken at any moment (the simulator's log), and exactly
 * the same host commands run. Both run on the shared stack, one after the other, for teams and
 * clusters of their own: the stack's services are killed during the second and brought back for the
 * tests after it.
 */
@ExtendWith(SharedStack.class)
class CampaignIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CLUSTERS = 20;
  private static final Duration PATIENCE = Duration.ofMinutes(8);
  private static final List<String> SERVICES =
      List.of("command-service", "executor", "query-service");

  @Test
  void twentyClustersEndUpgradedAndRunTheSameHostCommandsWhetherOrNotServicesAreKilled(
      SharedStack.Tenant tenant) throws Exception {
    var team = tenant.newTeam();
    var fleet = Fleets.mixed("c", team, CLUSTERS);
    tenant.add(fleet.toArray(ClusterSpec[]::new));
    var undisturbed = runCampaign(tenant.stack(), team, fleet, false);

    var crashedTeam = tenant.newTeam();
    var crashedFleet = Fleets.mixed("cx", crashedTeam, CLUSTERS);
    tenant.add(crashedFleet.toArray(ClusterSpec[]::new));
    var crashed = runCampaign(tenant.stack(), crashedTeam, crashedFleet, true);

    assertThat(crashed)
        .as("host commands with effects, by host and command line, with their counts")
        .isEqualTo(undisturbed);
  }

  /**
   * Runs the campaign over {@code fleet}, registered on {@code stack}, to completion; answers how
   * often each effect command ran on each host.
   */
  private Map<String, Long> runCampaign(
      Stack stack, String team, List<ClusterSpec> fleet, boolean killServices) throws Exception {
    var client = new CampaignClient(stack, team);
    var campaignId = "drill-" + team;
    int totalSteps = 0;
    for (var cluster : fleet) {
      var plan = client.post("/api/clusters/" + cluster.id() + "/plan", "{}");
      assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
      totalSteps += JSON.readTree(plan.body()).get("steps").size();
    }
    client.start(
        """
          {"campaignId": "%s", "clusterIds": %s, "maxClustersInProgress": 20,
           "stepTimeout": "PT5M"}
          """
            .formatted(
                campaignId, JSON.writeValueAsString(fleet.stream().map(ClusterSpec::id).toList())));

    if (killServices) {
      killAt(client, campaignId, totalSteps / 2, () -> crashAndRestart(stack, SERVICES));
    }
    var done =
        client.await(
            campaignId,
            c -> CampaignClient.status(c).equals("COMPLETED"),
            PATIENCE,
            "the campaign completed");

    assertThat(CampaignClient.stepsDone(done)).isEqualTo(totalSteps);
    var simulated = stack.simulator().fleet();
    var ids = fleet.stream().map(ClusterSpec::id).toList();
    assertThat(ids).allSatisfy(id -> assertThat(simulated.violationsOf(id)).isEmpty());
    assertThat(ids.stream().flatMap(id -> simulated.hostsOf(id).stream()))
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
    var effects = new TreeMap<String, Long>();
    for (int i = 0; i < ids.size(); i++) {
      effects.putAll(effects(i, ids.get(i), simulated.commandLogOf(ids.get(i))));
    }
    return effects;
  }

  private static void killAt(
      CampaignClient client, String campaignId, int steps, ThrowingRunnable kill) throws Exception {
    client.await(
        campaignId,
        c -> CampaignClient.stepsDone(c) >= steps,
        PATIENCE,
        steps + " steps were done");
    kill.run();
  }

  /** All at once, as a host's crash would: they come back together. */
  private static void crashAndRestart(Stack stack, List<String> services)
      throws InterruptedException {
    for (var service : services) {
      stack.crash(service);
    }
    for (var service : services) {
      stack.restart(service);
    }
  }

  /**
   * How often each command with effects ran on each host of the fleet's {@code index}th cluster,
   * with the cluster's id in host names and command lines replaced by its index: the two fleets'
   * clusters have the same shapes in the same order, and different ids.
   */
  private static Map<String, Long> effects(int index, String clusterId, List<CommandLogEntry> log) {
    var id = Pattern.compile("\\b" + Pattern.quote(clusterId) + "\\b");
    return log.stream()
        .filter(e -> HostEffects.isEffect(e.commandLine()))
        .collect(
            Collectors.groupingBy(
                e -> id.matcher(e.host() + ": " + e.commandLine()).replaceAll("#" + index),
                TreeMap::new,
                Collectors.counting()));
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
