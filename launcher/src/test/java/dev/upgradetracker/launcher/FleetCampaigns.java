package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every team's campaign over its own clusters, all at the same time, as the drill and the fleet
 * benchmark run them; read back from the campaigns' views, noting what their clusters waited for.
 */
final class FleetCampaigns {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(200);

  private final Stack stack;
  private final Map<String, List<ClusterSpec>> fleets;
  private final int inProgress;
  private final Map<String, Integer> planned = new TreeMap<>();
  private final Set<String> slotWaits = new ConcurrentSkipListSet<>();

  FleetCampaigns(Stack stack, Map<String, List<ClusterSpec>> fleets, int inProgress) {
    this.stack = stack;
    this.fleets = fleets;
    this.inProgress = inProgress;
  }

  static String campaignOf(String team) {
    return "fleet-" + team;
  }

  Map<String, String> campaignOfTeam() {
    var campaigns = new LinkedHashMap<String, String>();
    fleets.keySet().forEach(team -> campaigns.put(team, campaignOf(team)));
    return campaigns;
  }

  /** Plans every cluster, then starts each team's campaign; answers the steps planned in all. */
  int start() throws Exception {
    for (var team : fleets.keySet()) {
      var client = new CampaignClient(stack, team);
      for (var cluster : fleets.get(team)) {
        var plan = client.post("/api/clusters/" + cluster.id() + "/plan", "{}");
        if (plan.statusCode() != 200) {
          throw new IllegalStateException(cluster.id() + " not planned: " + plan.body());
        }
        planned.put(cluster.id(), JSON.readTree(plan.body()).get("steps").size());
      }
    }
    for (var team : fleets.keySet()) {
      var clusterIds = fleets.get(team).stream().map(ClusterSpec::id).toList();
      new CampaignClient(stack, team)
          .start(
              """
                {"campaignId": "%s", "clusterIds": %s, "maxClustersInProgress": %d,
                 "stepTimeout": "PT5M"}
                """
                  .formatted(campaignOf(team), JSON.writeValueAsString(clusterIds), inProgress));
    }
    return planned.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Each team's campaign as its view shows it now (absent while the view does not answer). */
  Map<String, JsonNode> campaigns() {
    var campaigns = new TreeMap<String, JsonNode>();
    for (var team : fleets.keySet()) {
      var campaign = new CampaignClient(stack, team).campaign(campaignOf(team));
      if (campaign != null) {
        campaigns.put(team, campaign);
        noteSlotWaits(campaign);
      }
    }
    return campaigns;
  }

  int stepsDone() {
    return campaigns().values().stream().mapToInt(CampaignClient::stepsDone).sum();
  }

  boolean allCompleted() {
    var campaigns = campaigns();
    return campaigns.size() == fleets.size()
        && campaigns.values().stream().allMatch(c -> CampaignClient.status(c).equals("COMPLETED"));
  }

  void awaitStepsDone(int steps, Duration patience) throws InterruptedException {
    awaitUntil(() -> stepsDone() >= steps, patience, steps + " steps done");
  }

  void awaitCompleted(Duration patience) throws InterruptedException {
    awaitUntil(this::allCompleted, patience, "every campaign completed");
  }

  /** Each cluster whose campaign view shows fewer or more steps done than its plan had. */
  List<String> stepsNotAsPlanned() {
    var problems = new ArrayList<String>();
    for (var entry : campaigns().entrySet()) {
      for (var cluster : fleets.get(entry.getKey())) {
        int done = CampaignClient.run(entry.getValue(), cluster.id()).get("stepsCompleted").asInt();
        if (done != planned.get(cluster.id())) {
          problems.add(cluster.id() + ": " + done + " steps done of " + planned.get(cluster.id()));
        }
      }
    }
    return problems;
  }

  /**
   * Reads the campaigns' views every {@code POLL} until closed, as a dashboard left open would,
   * noting what their clusters wait for also while the caller does something else (kills services,
   * say).
   */
  Watch watch() {
    var closed = new AtomicBoolean();
    // stopped by a flag, not an interrupt: a view read that is cut short answers null and goes on
    var watcher =
        Thread.ofVirtual()
            .name("fleet-campaigns-watch")
            .start(
                () -> {
                  while (!closed.get()) {
                    campaigns();
                    LockSupport.parkNanos(POLL.toNanos());
                  }
                });
    return () -> {
      closed.set(true);
      try {
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** The campaigns being watched, until closed. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** What clusters were seen waiting for an upgrade slot, as their campaigns' views said it. */
  Set<String> slotWaits() {
    return slotWaits;
  }

  private void noteSlotWaits(JsonNode campaign) {
    for (var run : campaign.get("clusters")) {
      if (run.get("phase").asString().equals("AWAITING_SLOT")) {
        slotWaits.add(run.get("detail").asString());
      }
    }
  }

  private static void awaitUntil(
      java.util.function.BooleanSupplier done, Duration patience, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " not within " + patience);
      }
      Thread.sleep(POLL);
    }
  }
}
