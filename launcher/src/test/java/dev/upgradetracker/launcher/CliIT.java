package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.UpgradeCli;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.launcher.CliRuns.Run;
import dev.upgradetracker.messaging.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code upgrade} command line against the running stack: an operator imports a fleet file,
 * plans, runs and watches a campaign, steers another; an auditor reads the history, the state as of
 * past instants, a diff, and verifies the hash chains.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

  private static Path dataDir;
  private static Stack stack;
  private static Fleet fleet;
  private static String team;
  private static String otherTeam;

  /** The live view of cluster a1 at each position, as the dashboard saw it during the run. */
  private static final Map<Long, JsonNode> liveViews = new ConcurrentSkipListMap<>();

  @BeforeAll
  static void simulateAFleetToImport(SharedStack.Tenant tenant) throws Exception {
    dataDir = Files.createTempDirectory("cli-it");
    stack = tenant.stack();
    team = tenant.newTeam();
    otherTeam = tenant.newTeam();
    fleet = tenant.simulate(cluster("a1"), cluster("a2"));
  }

  @Test
  @Order(0)
  void anAdminAssignsTheHostsOfAFleetFileToTheirTeamsAndAnOperatorMayNot() throws Exception {
    var file = dataDir.resolve("fleet-hosts.json");
    Files.writeString(file, Json.MAPPER.writeValueAsString(fleet));
    var spare = Fleets.cluster("a3").team(team).guestsPerHost(0).build().hosts().getFirst();

    var byOperator = upgrade(team, "hosts", "import", file.toString());
    var byAdmin = upgrade("admin", "hosts", "import", file.toString());
    var assigned =
        upgrade("admin", "hosts", "assign", spare.name(), "--address", "a3-h1:22", "--team", team);
    var listed = upgrade(team, "hosts", "list", "--team", team);
    var released = upgrade("admin", "hosts", "release", spare.name());

    assertThat(byOperator.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(byOperator.err()).contains("403");
    assertThat(byAdmin.exitCode()).as(byAdmin.err()).isZero();
    assertThat(byAdmin.out())
        .as("the stack assigned the simulated hosts already: importing again changes nothing")
        .contains("UNCHANGED  a1-h1", "UNCHANGED  a2-h2", "0 changed, 4 unchanged, 0 refused");
    assertThat(assigned.out()).contains("ASSIGNED a3-h1");
    assertThat(listed.out()).contains("a1-h1", "a2-h2", "a3-h1").doesNotContain("sec-");
    assertThat(released.out()).contains("RELEASED a3-h1");
  }

  @Test
  @Order(1)
  void anOperatorImportsAFleetFileAndIsToldWhatBecameOfEachCluster() throws Exception {
    var file = dataDir.resolve("fleet.json");
    Files.writeString(file, Json.MAPPER.writeValueAsString(fleet));

    var first = upgrade(team, "fleet", "import", file.toString());
    var again = upgrade(team, "fleet", "import", file.toString());
    var missing = upgrade(team, "fleet", "import", dataDir.resolve("nope.json").toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("REGISTERED a1", "REGISTERED a2", "2 registered, 0 refused");
    assertThat(again.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(again.out()).contains("REFUSED    a1", "0 registered, 2 refused");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("fleet file", "nope.json does not exist");
  }

  @Test
  @Order(2)
  void anOperatorPlansRunsAndWatchesACampaignToItsEnd() throws Exception {
    var plan = upgrade(team, "plan", "a1");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("Plan for a1", "UpgradeNode", "InstallGuestKit");

    var recorder = Thread.ofVirtual().start(CliIT::recordLiveViews);
    try {
      var started = upgrade(team, "campaign", "start", "--id", "k1", "a1");
      assertThat(started.exitCode()).as(started.err()).isZero();
      assertThat(started.out()).contains("campaign k1");

      var watched = upgrade(team, "watch", "campaign", "k1");

      assertThat(watched.exitCode()).as(watched.err()).isZero();
      assertThat(watched.out()).contains("a1 -> RUNNING", "a1 -> DONE", "COMPLETED");
    } finally {
      recorder.interrupt();
      recorder.join();
    }
  }

  @Test
  @Order(3)
  void theHistoryOfTheFinishedCampaignListsEveryHostActionWithItsCommandLinesAndExitCode()
      throws Exception {
    var run =
        eventually(
            () -> upgrade("audit", "history", "--campaign", "k1", "--format", "json"),
            history -> history.out().contains("CampaignCompleted"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    var entries = List.copyOf(Json.MAPPER.readTree(run.out()).valueStream().toList());

    var requested = actions(entries, "HostActionRequested");
    var finished = actions(entries, "HostActionSucceeded");
    assertThat(requested).isNotEmpty();
    assertThat(finished.keySet()).isEqualTo(requested.keySet());
    var ranOnHosts =
        stack.simulator().fleet().commandLog().stream().map(e -> e.commandLine()).toList();
    for (var action : finished.values()) {
      assertThat(action.path("exitCode").asInt()).isZero();
      var lines = action.path("commandLines").valueStream().map(JsonNode::asString).toList();
      assertThat(lines).isNotEmpty();
      assertThat(ranOnHosts).containsAll(lines);
    }
    assertThat(entries.getFirst().path("type").asString()).isEqualTo("CampaignStarted");
    assertThat(entries.getFirst().path("user").asString())
        .as("the user the token proves")
        .isEqualTo(team + "-operator");
    assertThat(entries).anyMatch(entry -> entry.path("type").asString().equals("ClusterCompleted"));

    var watched = upgrade(team, "watch", "cluster", "a1");
    assertThat(watched.out()).contains("a1  UPGRADED", "hosts on 4.0: 2/2");
    var teamHistory = upgrade("audit", "history", "--team", team, "--format", "json");
    assertThat(Json.MAPPER.readTree(teamHistory.out()).findValuesAsString("clusterId"))
        .contains("a1", "a2");
    assertThat(upgrade("audit", "history", "--team", otherTeam).out()).isEqualTo("0 events\n");
    var badRange = upgrade("audit", "history", "--cluster", "a1", "--from", "yesterday");
    assertThat(badRange.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(badRange.err()).contains("400", "from must be an ISO-8601 instant");

    var secondPage =
        upgrade(
            "audit",
            "history",
            "--cluster",
            "a1",
            "--page",
            "1",
            "--size",
            "10",
            "--format",
            "json");
    assertThat(Json.MAPPER.readTree(secondPage.out()).findValuesAsString("position"))
        .containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "18", "19");

    var inSmallPages =
        upgrade("audit", "history", "--campaign", "k1", "--size", "7", "--format", "json");
    assertThat(Json.MAPPER.readTree(inSmallPages.out())).isEqualTo(Json.MAPPER.readTree(run.out()));

    var table = upgrade("audit", "history", "--cluster", "a1", "--host", "a1-h1");
    assertThat(table.out()).contains("$ update-ux", "exit 0 after");
    var csv = upgrade("audit", "history", "--cluster", "a1", "--format", "csv");
    var clusterEvents = upgrade("audit", "history", "--cluster", "a1", "--format", "json");
    assertThat(csv.out().split("\r\n"))
        .hasSize(Json.MAPPER.readTree(clusterEvents.out()).size() + 1);
  }

  @Test
  @Order(4)
  void theStateAsOfPastInstantsIsWhatTheLiveViewShowedThen() throws Exception {
    var history =
        Json.MAPPER.readTree(
            upgrade("audit", "history", "--cluster", "a1", "--format", "json").out());
    var checked = new ArrayList<Long>();
    for (var position : liveViews.keySet()) {
      var next = position + 1 < history.size() ? history.get((int) (position + 1)) : null;
      var at = history.get(position.intValue()).path("at").asString();
      if (checked.size() >= 6 || (next != null && next.path("at").asString().equals(at))) {
        continue;
      }
      var byInstant = upgrade("audit", "state", "a1", "--at", at, "--json");
      var byPosition =
          upgrade("audit", "state-as-of", "a1", "--position", position.toString(), "--json");

      assertThat(byInstant.exitCode()).as(byInstant.err()).isZero();
      assertThat(Json.MAPPER.readTree(byInstant.out()).get("state"))
          .as("state as of %s (position %d)", at, position)
          .isEqualTo(liveViews.get(position));
      assertThat(Json.MAPPER.readTree(byPosition.out()).get("state"))
          .isEqualTo(liveViews.get(position));
      checked.add(position);
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(4);

    var readable = upgrade("audit", "state", "a1", "--position", "0");
    assertThat(readable.out()).contains("a1 as of", "host     a1-h1", "Integrity VM A.03.50");
    var diff = upgrade("audit", "diff", "a1", "0", Long.toString(history.size() - 1));
    assertThat(diff.out()).contains("hosts[a1-h1].ivmVersion", "\"A.03.50\" -> \"B.04.00\"");
    var before = upgrade("audit", "state", "a1", "--at", "2000-01-01T00:00:00Z");
    assertThat(before.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(before.err())
        .contains("404", "cluster a1 as of 2000-01-01T00:00:00Z does not exist");
  }

  @Test
  @Order(5)
  void anOperatorPausesResumesAndAbortsACampaignWithAReason() throws Exception {
    assertThat(
            upgrade(team, "campaign", "start", "--id", "k2", "--approval-gates", "a2").exitCode())
        .isZero();

    var paused = upgrade(team, "campaign", "pause", "k2");
    var resumed = upgrade(team, "campaign", "resume", "k2");
    var foreign = upgrade(otherTeam, "campaign", "abort", "k2");
    var aborted = upgrade(team, "campaign", "abort", "k2", "--reason", "change freeze");

    assertThat(paused.out()).contains("campaign k2  PAUSED");
    assertThat(resumed.out()).contains("campaign k2  RUNNING");
    assertThat(foreign.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(foreign.err()).contains("403 R8");
    assertThat(aborted.out()).contains("campaign k2  ABORTED");
    var history =
        eventually(
            () -> upgrade("audit", "history", "--campaign", "k2"),
            run -> run.out().contains("CampaignAborted"));
    assertThat(history.out()).contains("CampaignAborted reason=change freeze");
  }

  @Test
  @Order(6)
  void anAuditorVerifiesEveryHashChain() throws Exception {
    // heads are compared at rest: the actions the abort of k2 left running on a2 report first
    awaitNoActionRunningOn("a2");
    var all = upgrade("audit", "verify");
    var one = upgrade("audit", "verify", "--cluster", "a1");
    var unknown = upgrade("audit", "verify", "--cluster", "nope");
    var noToken = upgrade(null, "verify");

    assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
    // the stack is shared: every aggregate stored and published, these tests' among them
    var stored =
        Json.MAPPER.readTree(
            Http.get(stack.commandUrl() + "/api/verification", "audit-token").body());
    int matching = stored.at("/published/matching").asInt();
    assertThat(stored.get("aggregates").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(matching).isGreaterThanOrEqualTo(2);
    assertThat(all.out())
        .contains(
            "intact: " + stored.get("aggregates").asInt() + " aggregates",
            "heads of " + matching + " aggregates match the copy on Kafka\n");
    assertThat(one.out()).containsPattern("a1: intact, \\d+ events chained");
    assertThat(one.out()).contains("head matches the copy on Kafka");
    assertThat(unknown.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(unknown.err()).contains("404", "cluster nope does not exist");
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.err()).contains("no token");
  }

  private static void awaitNoActionRunningOn(String clusterId) throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    while (true) {
      var cluster =
          Json.MAPPER.readTree(
              Http.get(stack.queryUrl() + "/api/clusters/" + clusterId, stack.tokenOf(team))
                  .body());
      var running =
          cluster
              .get("actions")
              .valueStream()
              .filter(a -> a.get("status").asString().equals("REQUESTED"))
              .toList();
      if (running.isEmpty()) {
        return;
      }
      assertThat(Instant.now()).as("actions still running: " + running).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** The query side follows the command side by moments: asks again for up to 30 s. */
  private static Run eventually(Supplier<Run> run, Predicate<Run> done)
      throws InterruptedException {
    var deadline = Instant.now().plusSeconds(30);
    var last = run.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      last = run.get();
    }
    return last;
  }

  private static Map<String, JsonNode> actions(List<JsonNode> entries, String type) {
    var actions = new TreeMap<String, JsonNode>();
    entries.stream()
        .filter(e -> e.path("type").asString().equals(type))
        .forEach(e -> actions.put(e.path("action").path("actionId").asString(), e.path("action")));
    return actions;
  }

  private static void recordLiveViews() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        var response = Http.get(stack.queryUrl() + "/api/clusters/a1", "audit-token");
        if (response.statusCode() == 200) {
          var view = (ObjectNode) Json.MAPPER.readTree(response.body());
          // which page of guests the endpoint answered is no part of the cluster's state
          assertThat(view.remove("guestsPage").path("total").asInt())
              .isEqualTo(view.get("guests").size());
          liveViews.putIfAbsent(view.get("lastSequence").asLong(), view);
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // the next poll tries again
      }
    }
  }

  private static Run upgrade(String team, String... args) {
    return CliRuns.upgrade(stack, team == null ? null : team + "-token", args);
  }

  private static ClusterSpec cluster(String id) {
    return Fleets.cluster(id).team(team).guestsPerHost(1, 1).build();
  }
}
