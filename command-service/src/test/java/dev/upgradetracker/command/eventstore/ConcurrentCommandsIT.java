package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Many callers at once: nothing accepted is lost or doubled, nothing refused goes unexplained. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConcurrentCommandsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int CLUSTERS = 50;
  private static final int COMMANDS = 1000;
  private static final int THREADS = 16;

  @LocalServerPort int port;
  @Autowired EventStore eventStore;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    var dir = Files.createTempDirectory("ut-concurrency-");
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("events"));
    OnSharedBroker.register(registry, "concurrent-commands");
    // the race at the event store is under test here, not each caller's rate (CommandRateLimit)
    registry.add("upgrade-tracker.rate.burst", () -> "100000");
  }

  record Outcome(String clusterId, int status, JsonNode body, boolean replayed) {}

  @Test
  void thousandCommandsFromSixteenThreadsOverFiftyClustersAreStoredOnceOrRefusedWithAReason()
      throws Exception {
    var prefix = "cc-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    for (int c = 0; c < CLUSTERS; c++) {
      AdminAssigns.hostsOf(String.valueOf(port), cluster(prefix + c));
      assertThat(
              post("/api/clusters", Json.MAPPER.writeValueAsString(cluster(prefix + c)), null)
                  .status())
          .isEqualTo(201);
    }

    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    try (var pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        pool.submit(
            () -> {
              var random = new Random(thread);
              for (int i = thread; i < COMMANDS; i += THREADS) {
                var clusterId = prefix + random.nextInt(CLUSTERS);
                var body = "{\"toHost\":\"" + clusterId + "-h" + (1 + random.nextInt(4)) + "\"}";
                outcomes.add(
                    post(
                        "/api/clusters/"
                            + clusterId
                            + "/guests/g"
                            + (1 + random.nextInt(4))
                            + "/move",
                        body,
                        null));
              }
              return null;
            });
      }
    }

    assertThat(outcomes).hasSize(COMMANDS);
    Map<String, List<String>> acceptedByCluster = new HashMap<>();
    for (var outcome : outcomes) {
      if (outcome.status() == 202) {
        acceptedByCluster
            .computeIfAbsent(outcome.clusterId(), k -> new ArrayList<>())
            .add(outcome.body().get("actionId").asString());
      } else {
        assertThat(outcome.status()).as("refusal %s", outcome.body()).isIn(404, 409);
        assertThat(outcome.body().get("detail").asString()).isNotBlank();
      }
    }
    assertThat(acceptedByCluster).isNotEmpty();
    assertThat(outcomes)
        .as("some commands must lose their race and be refused")
        .anyMatch(o -> o.status() == 409);
    for (int c = 0; c < CLUSTERS; c++) {
      var clusterId = prefix + c;
      var requested =
          eventStore
              .readEvents(clusterId)
              .asStream()
              .map(DomainEventMessage::getPayload)
              .filter(HostActionRequested.class::isInstance)
              .map(e -> ((HostActionRequested) e).actionId())
              .toList();
      assertThat(requested)
          .as("cluster %s", clusterId)
          .containsExactlyInAnyOrderElementsOf(
              acceptedByCluster.getOrDefault(clusterId, List.of()));
    }
  }

  @Test
  void aRepeatedIdempotencyKeyGetsTheFirstAnswerAndWritesNothing() throws Exception {
    var clusterId = registered("idem-");
    var key = UUID.randomUUID().toString();

    var first =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            "{\"toHost\":\"" + clusterId + "-h2\"}",
            key);
    var repeat =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            "{\"toHost\":\"" + clusterId + "-h2\"}",
            key);
    var otherBody =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            "{\"toHost\":\"" + clusterId + "-h3\"}",
            key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(repeat.status()).isEqualTo(202);
    assertThat(repeat.body()).isEqualTo(first.body());
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(eventStore.readEvents(clusterId).asStream().count()).isEqualTo(2);
  }

  @Test
  void aRepeatThatSpellsThePathDifferentlyIsTheSameRequestAndGetsTheFirstAnswer() throws Exception {
    var clusterId = registered("idem-enc-");
    var key = UUID.randomUUID().toString();
    var move = "{\"toHost\":\"" + clusterId + "-h2\"}";

    var first = post("/api/clusters/" + clusterId + "/guests/g1/move", move, key);
    // the same resource, one letter percent-encoded: the server decodes it to the same path
    var repeat = post("/%61pi/clusters/" + clusterId + "/guests/g1/move", move, key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(repeat.status()).isEqualTo(202);
    assertThat(repeat.replayed()).isTrue();
    assertThat(repeat.body()).isEqualTo(first.body());
    assertThat(eventStore.readEvents(clusterId).asStream().count())
        .as("registered, and moved once")
        .isEqualTo(2);
  }

  @Test
  void anIdempotencyKeyLongerThan255CharactersIsRefusedAndWritesNothing() throws Exception {
    var clusterId = registered("idem-long-");
    var move = "{\"toHost\":\"" + clusterId + "-h2\"}";

    var tooLong = post("/api/clusters/" + clusterId + "/guests/g1/move", move, "k".repeat(256));
    var longest = post("/api/clusters/" + clusterId + "/guests/g1/move", move, "k".repeat(255));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().path("detail").asString()).contains("Idempotency-Key", "255");
    assertThat(longest.status()).isEqualTo(202);
    assertThat(eventStore.readEvents(clusterId).asStream().count())
        .as("registered, and the move with the longest key allowed")
        .isEqualTo(2);
  }

  @Test
  void anInventoryUpdateRepeatedWithItsIdempotencyKeyIsAnsweredOnceAndWritesOnce()
      throws Exception {
    var clusterId = "idem-put-" + UUID.randomUUID().toString().substring(0, 6);
    var cluster = cluster(clusterId);
    AdminAssigns.hostsOf(String.valueOf(port), cluster);
    post("/api/clusters", Json.MAPPER.writeValueAsString(cluster), null);
    var key = UUID.randomUUID().toString();
    var update = Json.MAPPER.writeValueAsString(cluster);
    var fewerGuests =
        Json.MAPPER.writeValueAsString(
            Fleets.cluster(clusterId)
                .localNames()
                .fleetUniqueHosts()
                .guestsPerHost(1, 1, 1, 0)
                .build());

    var first = send("PUT", "/api/clusters/" + clusterId, update, key);
    var repeat = send("PUT", "/api/clusters/" + clusterId, update, key);
    var otherBody = send("PUT", "/api/clusters/" + clusterId, fewerGuests, key);

    assertThat(first.status()).isEqualTo(200);
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.replayed()).isTrue();
    assertThat(repeat.body()).isEqualTo(first.body());
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(eventStore.readEvents(clusterId).asStream().count()).isEqualTo(2);
  }

  /** A cluster of a new id starting with {@code prefix}, its hosts assigned, registered. */
  private String registered(String prefix) {
    var clusterId = prefix + UUID.randomUUID().toString().substring(0, 6);
    AdminAssigns.hostsOf(String.valueOf(port), cluster(clusterId));
    post("/api/clusters", Json.MAPPER.writeValueAsString(cluster(clusterId)), null);
    return clusterId;
  }

  private Outcome post(String path, String json, String idempotencyKey) {
    return send("POST", path, json, idempotencyKey);
  }

  private Outcome send(String method, String path, String json, String idempotencyKey) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer alpha-token");
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      var response =
          HTTP.send(
              request.method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
              HttpResponse.BodyHandlers.ofString());
      var clusterId = path.startsWith("/api/clusters/") ? path.split("/")[3] : null;
      return new Outcome(
          clusterId,
          response.statusCode(),
          Json.MAPPER.readTree(response.body()),
          response.headers().firstValue("Idempotent-Replayed").isPresent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClusterSpec cluster(String id) {
    return Fleets.cluster(id).localNames().fleetUniqueHosts().guestsPerHost(1, 1, 1, 1).build();
  }
}
