package dev.upgradetracker.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.cluster.StepOutcome;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.activity.ActivityEntry;
import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.cluster.ClusterPhase;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.views.ViewsDriver;
import dev.upgradetracker.testinfra.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The views on the real broker, served by two instances that share the work: every view's content,
 * any key from either instance, fleet lists gathered from both, live changes over SSE resuming from
 * Last-Event-ID, and a rebuild from offset 0 that equals the live views.
 */
class ViewsIT {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final List<String> TEAMS = List.of("alpha", "bravo", "charlie");
  private static final int CLUSTERS = 12;
  private static final String TOKEN = "alpha-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Topics TOPICS = new Topics(TestKafka.namespace("views"));

  @TempDir static Path stateRoot;
  private static TwoViewInstances views;
  private static KafkaProducer<String, Record> producer;
  private static final Map<String, Long> sequences = new HashMap<>();

  @BeforeAll
  static void startAndFeed() throws Exception {
    var bootstrap = TestKafka.bootstrapServers();
    views = TwoViewInstances.start(bootstrap, TOPICS, stateRoot);
    producer =
        KafkaClients.producer(
            KafkaConnection.plain(bootstrap), "views-it", new JsonSerde<>(Record.class));
    for (int i = 0; i < CLUSTERS; i++) {
      upgradeSomeOf(clusterId(i), TEAMS.get(i % TEAMS.size()), i);
    }
    campaign();
    producer.flush();
    awaitView(
        0, "/api/clusters/" + clusterId(CLUSTERS - 1), v -> v.get("lastSequence").asLong() >= 3);
    awaitView(0, "/api/campaigns/spring", v -> v.get("status").asString("").equals("COMPLETED"));
    awaitView(
        0,
        "/api/teams",
        v -> {
          int clusters = 0;
          for (var team : v) {
            clusters += team.get("clusters").asInt();
          }
          return clusters == CLUSTERS;
        });
  }

  @AfterAll
  static void stop() {
    if (producer != null) {
      producer.close();
    }
    if (views != null) {
      views.close();
    }
  }

  @Test
  void eachInstanceHoldsPartOfTheViewsAndAnswersForEveryKey() throws Exception {
    var heldElsewhere = new ArrayList<String>();
    for (int i = 0; i < CLUSTERS; i++) {
      if (views.views(0).remoteOwner(ClusterView.STORE, clusterId(i)).isPresent()) {
        heldElsewhere.add(clusterId(i));
      }
    }
    assertThat(heldElsewhere)
        .as("clusters held by the second instance")
        .isNotEmpty()
        .hasSizeLessThan(CLUSTERS);

    for (int i = 0; i < CLUSTERS; i++) {
      var fromFirst = get(0, "/api/clusters/" + clusterId(i));
      var fromSecond = get(1, "/api/clusters/" + clusterId(i));
      assertThat(fromFirst.statusCode()).isEqualTo(200);
      var view = read(fromFirst.body(), ClusterView.class);
      assertThat(view).isEqualTo(read(fromSecond.body(), ClusterView.class));
      for (var answer : List.of(fromFirst, fromSecond)) {
        assertThat(answer.headers().firstValue("ETag"))
            .as("the version the view shows, from the owner or through it")
            .hasValue("\"" + view.lastSequence() + "\"");
      }
    }
    for (var team : TEAMS) {
      assertThat(read(get(1, "/api/teams/" + team).body(), TeamSummary.class).clusters())
          .isEqualTo(4);
    }
    assertThat(get(0, "/api/clusters/nowhere").statusCode()).isEqualTo(404);
    assertThat(get(1, "/api/clusters/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void aFleetHistoryIsGatheredFromBothInstancesInTimeOrderAPageAtATime() throws Exception {
    var whole = fleetHistory(1, 500);
    var inSmallPages = fleetHistory(0, 7);

    assertThat(inSmallPages).isEqualTo(whole);
    assertThat(whole).extracting(entry -> Instant.parse(entry.get("at").asString())).isSorted();
    var clusters = whole.stream().map(entry -> entry.path("clusterId").asString("")).toList();
    for (int i = 0; i < CLUSTERS; i++) {
      assertThat(clusters).as("held by either instance").contains(clusterId(i));
    }
    assertThat(whole).anyMatch(entry -> entry.get("kind").asString().equals("campaign"));
  }

  private static List<JsonNode> fleetHistory(int instance, int size) throws Exception {
    var entries = new ArrayList<JsonNode>();
    String after = null;
    do {
      var query = "/api/history?size=" + size + (after == null ? "" : "&after=" + after);
      var page = Json.MAPPER.readTree(get(instance, query).body());
      page.get("items").forEach(entries::add);
      after = page.path("next").asString(null);
    } while (after != null);
    return entries;
  }

  @Test
  void theViewsShowWhatTheEventsSay() throws Exception {
    var failed = read(get(1, "/api/clusters/" + clusterId(3)).body(), ClusterView.class);
    assertThat(failed.progress().phase()).isEqualTo(ClusterPhase.FAILED);
    assertThat(failed.progress().failures().getFirst().output()).contains("depot unreachable");

    var upgraded = read(get(1, "/api/clusters/" + clusterId(4)).body(), ClusterView.class);
    assertThat(upgraded.progress().phase()).isEqualTo(ClusterPhase.UPGRADED);
    assertThat(upgraded.progress().stepsDone()).isEqualTo(2);
    assertThat(upgraded.activity()).extracting(ActivityEntry::type).contains("NodeUpgraded");

    var campaign = read(get(1, "/api/campaigns/spring").body(), CampaignProgress.class);
    assertThat(campaign.counts().done()).isEqualTo(4);
    assertThat(campaign.counts().percent()).isEqualTo(100.0);

    var alpha = read(get(0, "/api/teams/alpha").body(), TeamSummary.class);
    assertThat(alpha.hosts()).isEqualTo(8);
    assertThat(alpha.hostsOnIvm4() + alpha.hostsOnIvm3()).isEqualTo(8);
    assertThat(alpha.guestKits4Installed()).isPositive();

    var activity = read(get(1, "/api/teams/bravo/activity").body(), TeamActivity.class);
    assertThat(activity.entries()).isNotEmpty();
    assertThat(activity.entries()).allMatch(entry -> entry.team().equals("bravo"));
  }

  @Test
  void fleetListsGatherEveryInstancesClustersFilteredAndPaged() throws Exception {
    var page = Json.MAPPER.readTree(get(1, "/api/clusters?size=5&page=1").body());
    assertThat(page.get("total").asInt()).isEqualTo(CLUSTERS);
    var ids = new ArrayList<String>();
    page.get("items").forEach(item -> ids.add(item.get("clusterId").asString()));
    assertThat(ids)
        .containsExactly(clusterId(5), clusterId(6), clusterId(7), clusterId(8), clusterId(9));

    var bravo = Json.MAPPER.readTree(get(0, "/api/clusters?team=bravo&size=50").body());
    assertThat(bravo.get("total").asInt()).isEqualTo(4);
    bravo.get("items").forEach(item -> assertThat(item.get("team").asString()).isEqualTo("bravo"));

    var failed = Json.MAPPER.readTree(get(0, "/api/clusters?phase=FAILED").body());
    assertThat(failed.get("total").asInt()).isEqualTo(CLUSTERS / 4);
    assertThat(get(0, "/api/clusters?size=0").statusCode()).isEqualTo(400);
    assertThat(get(0, "/api/clusters?phase=SIDEWAYS").statusCode()).isEqualTo(400);
  }

  @Test
  void aLiveSubscriberGetsEveryChangeAndResumesFromItsLastEventId() throws Exception {
    var clusterId = clusterId(0);
    long position =
        read(get(1, "/api/clusters/" + clusterId).body(), ClusterView.class).lastSequence();
    // resuming from before the current state: the current state arrives first, so the
    // subscription is in place before the changes are made
    var events = subscribe(1, "/api/live/clusters/" + clusterId, position - 1);
    var current = events.poll(20, TimeUnit.SECONDS);
    assertThat(current).isNotNull();
    assertThat(current.id()).isEqualTo(position);

    send(clusterId, "alpha", new ClusterEvent.GuestMoved(clusterId, "g1", "h2", "h1", "m1"));
    send(clusterId, "alpha", new ClusterEvent.GuestMoved(clusterId, "g1", "h1", "h2", "m2"));

    var first = events.poll(20, TimeUnit.SECONDS);
    var second = events.poll(20, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(first.id()).isEqualTo(position + 1);
    assertThat(second.id()).isEqualTo(position + 2);
    assertThat(read(second.data(), ClusterView.class).guests().getFirst().host()).isEqualTo("h2");

    var resumed = subscribe(0, "/api/live/clusters/" + clusterId, position + 1);
    var catchUp = resumed.poll(20, TimeUnit.SECONDS);
    assertThat(catchUp.id())
        .as("only the state newer than the last event seen")
        .isEqualTo(position + 2);
    var upToDate = subscribe(0, "/api/live/clusters/" + clusterId, position + 2);
    assertThat(upToDate.poll(1, TimeUnit.SECONDS)).as("nothing newer to send").isNull();
  }

  @Test
  void aRebuildFromOffsetZeroInAFreshStateDirectoryEqualsTheLiveViews() throws Exception {
    try (var rebuild =
        ViewsRebuild.start(
            KafkaConnection.plain(TestKafka.bootstrapServers()),
            TOPICS,
            stateRoot.resolve("rebuild"))) {
      rebuild.awaitCaughtUp(Duration.ofMinutes(2));

      Map<String, ClusterView> clusters = rebuild.contents(ClusterView.STORE);
      assertThat(clusters).hasSize(CLUSTERS);
      for (var entry : clusters.entrySet()) {
        assertThat(entry.getValue())
            .isEqualTo(read(get(1, "/api/clusters/" + entry.getKey()).body(), ClusterView.class));
      }
      Map<String, CampaignProgress> campaigns = rebuild.contents(CampaignProgress.STORE);
      assertThat(campaigns.get("spring"))
          .isEqualTo(read(get(0, "/api/campaigns/spring").body(), CampaignProgress.class));
      Map<String, TeamSummary> teams = rebuild.contents(TeamSummary.STORE);
      Map<String, TeamActivity> activity = rebuild.contents(TeamActivity.STORE);
      for (var team : TEAMS) {
        assertThat(teams.get(team).clusters()).isEqualTo(4);
        // the change counts differ: a rebuild batches changes, and the other tests made more
        assertThat(teams.get(team).withoutUpdateCount())
            .isEqualTo(
                read(get(0, "/api/teams/" + team).body(), TeamSummary.class).withoutUpdateCount());
        assertThat(activity.get(team))
            .isEqualTo(read(get(1, "/api/teams/" + team + "/activity").body(), TeamActivity.class));
      }
    }
  }

  @Test
  void aReplayOnDemandRebuildsBesideTheLiveViewsAndFindsNoDifference() throws Exception {
    var started =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(views.urls.get(1) + "/api/replays"))
                .header("Authorization", "Bearer audit-token")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    var location = started.headers().firstValue("Location").orElseThrow();

    var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    var report = Json.MAPPER.readTree(get(1, location).body());
    while (report.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      report = Json.MAPPER.readTree(get(1, location).body());
    }

    assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("DONE");
    var compared = new HashMap<String, Integer>();
    report
        .get("stores")
        .forEach(
            store -> {
              assertThat(store.get("differences")).as(store.toString()).isEmpty();
              compared.put(store.get("store").asString(), store.get("compared").asInt());
            });
    assertThat(compared)
        .containsEntry(ClusterView.STORE, CLUSTERS)
        .containsEntry(CampaignProgress.STORE, 1)
        .containsEntry(TeamSummary.STORE, TEAMS.size())
        .containsEntry(TeamActivity.STORE, TEAMS.size());
    assertThat(get(0, "/api/replays/unknown").statusCode()).isEqualTo(404);
  }

  /**
   * Cluster i: registered; every fourth fails its node upgrade, every fourth after that is fully
   * upgraded, the rest are part way.
   */
  private static void upgradeSomeOf(String clusterId, String team, int i) {
    send(
        clusterId,
        team,
        ViewsDriver.registered(
            Fleets.cluster(clusterId)
                .team(team)
                .localNames()
                .portsFrom(1)
                .guestsPerHost(0, 2)
                .build()));
    send(clusterId, team, new ClusterEvent.CampaignAttached(clusterId, "spring"));
    send(
        clusterId,
        team,
        new ClusterEvent.CampaignStepStarted(
            clusterId,
            "spring",
            "s1",
            "UpgradeNode",
            "h1",
            List.of("a1"),
            T0.plusSeconds(3600),
            2));
    send(
        clusterId,
        team,
        new ClusterEvent.HostActionRequested(
            clusterId,
            "a1",
            "h1",
            "127.0.0.1:1",
            new HostAction.UpdateNode(UpgradeMode.UPDATE, false)));
    if (i % 4 == 3) {
      send(
          clusterId,
          team,
          new ClusterEvent.HostActionFailed(
              clusterId,
              "a1",
              "h1",
              new ActionOutcome(
                  ActionStatus.FAILED,
                  7,
                  "ERROR: depot unreachable",
                  100,
                  List.of("update-ux"),
                  "fp")));
      send(
          clusterId,
          team,
          new ClusterEvent.CampaignStepFinished(
              clusterId,
              "spring",
              "s1",
              "UpgradeNode",
              "h1",
              StepOutcome.FAILED,
              List.of(),
              null,
              2));
      return;
    }
    send(
        clusterId,
        team,
        new ClusterEvent.HostActionSucceeded(
            clusterId,
            "a1",
            "h1",
            new ActionOutcome(ActionStatus.SUCCEEDED, 0, "ok", 100, List.of("update-ux"), "fp")));
    send(
        clusterId,
        team,
        new ClusterEvent.NodeUpgraded(
            clusterId, "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "a1"));
    send(
        clusterId,
        team,
        new ClusterEvent.CampaignStepFinished(
            clusterId,
            "spring",
            "s1",
            "UpgradeNode",
            "h1",
            StepOutcome.SUCCEEDED,
            List.of(),
            null,
            1));
    if (i % 4 == 0) {
      send(
          clusterId,
          team,
          new ClusterEvent.NodeUpgraded(
              clusterId, "h2", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.19", "a2"));
      send(clusterId, team, new ClusterEvent.GuestKitInstalled(clusterId, "g1", "B.04.00", "k1"));
      send(clusterId, team, new ClusterEvent.GuestKitInstalled(clusterId, "g2", "B.04.00", "k2"));
      send(
          clusterId,
          team,
          new ClusterEvent.CampaignStepFinished(
              clusterId,
              "spring",
              "s2",
              "InstallGuestKits",
              "g1",
              StepOutcome.SUCCEEDED,
              List.of(),
              null,
              0));
      send(clusterId, team, new ClusterEvent.CampaignUpgradeFinished(clusterId, "spring", "s3"));
    }
  }

  private static void campaign() {
    var alphaClusters = List.of(clusterId(0), clusterId(3), clusterId(6), clusterId(9));
    send(
        new CampaignEvent.CampaignStarted(
            "spring",
            "alpha",
            alphaClusters,
            new CampaignOptions(
                2,
                new FailurePolicy(true, 10),
                false,
                null,
                UpgradeMode.UPDATE,
                Duration.ofMinutes(30))));
    for (var clusterId : alphaClusters) {
      send(new CampaignEvent.ClusterAdmitted("spring", clusterId));
      send(
          new CampaignEvent.StepCompleted(
              "spring", clusterId, "s1", "UpgradeNode", "h1", StepOutcome.SUCCEEDED, null, 0));
      send(new CampaignEvent.ClusterCompleted("spring", clusterId));
    }
    send(new CampaignEvent.CampaignCompleted("spring"));
  }

  private static void send(String clusterId, String team, ClusterEvent event) {
    long sequence = sequences.merge(clusterId, 1L, Long::sum) - 1;
    var envelope =
        new EventEnvelope(
            clusterId + "-" + sequence,
            clusterId,
            sequence,
            T0.plusSeconds(sequence * 60),
            team,
            "anna",
            null,
            "r",
            "c",
            event,
            null,
            null);
    producer.send(new ProducerRecord<>(TOPICS.events(), clusterId, envelope));
    producer.flush();
  }

  private static void send(CampaignEvent event) {
    long sequence = sequences.merge("campaign:" + event.campaignId(), 1L, Long::sum) - 1;
    var envelope =
        new CampaignEnvelope(
            event.campaignId() + "-" + sequence,
            event.campaignId(),
            sequence,
            T0.plusSeconds(sequence * 60),
            "alpha",
            "anna",
            null,
            "r",
            "c",
            event,
            null,
            null);
    producer.send(new ProducerRecord<>(TOPICS.campaignEvents(), event.campaignId(), envelope));
  }

  private static String clusterId(int i) {
    return "c%02d".formatted(i);
  }

  private record Sse(long id, String data) {}

  /** Reads the stream on a thread of its own, handing each complete event to the queue. */
  private static LinkedBlockingQueue<Sse> subscribe(int instance, String path, long lastEventId) {
    var queue = new LinkedBlockingQueue<Sse>();
    var request =
        HttpRequest.newBuilder(URI.create(views.urls.get(instance) + path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Last-Event-ID", Long.toString(lastEventId))
            .build();
    HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              long[] id = {-1};
              var data = new StringBuilder();
              response
                  .body()
                  .forEach(
                      line -> {
                        if (line.startsWith("id:")) {
                          id[0] = Long.parseLong(line.substring(3).trim());
                        } else if (line.startsWith("data:")) {
                          data.append(line.substring(5));
                        } else if (line.isEmpty() && !data.isEmpty()) {
                          queue.add(new Sse(id[0], data.toString()));
                          data.setLength(0);
                        }
                      });
            });
    return queue;
  }

  private static HttpResponse<String> get(int instance, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(views.urls.get(instance) + path))
            .header("Authorization", "Bearer " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitView(
      int instance, String path, java.util.function.Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      var response = get(instance, path);
      if (response.statusCode() == 200 && wanted.test(Json.MAPPER.readTree(response.body()))) {
        return;
      }
      assertThat(System.nanoTime())
          .as(path + " never showed the events: " + response.body())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    return Json.MAPPER.readValue(json, type);
  }
}
