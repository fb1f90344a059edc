package dev.upgradetracker.command.eventstore;

import static dev.upgradetracker.command.cluster.model.Clusters.twoOwnHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.CommandServiceApplication;
import dev.upgradetracker.command.audit.ChainVerifier;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.testinfra.TestDatabases;
import dev.upgradetracker.testinfra.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command-service processes' worth of Axon (two application contexts) on one PostgreSQL
 * database: commands on the same cluster race at the event store. A lost race is retried; none is
 * lost or doubled.
 */
class TwoInstancesIT {

  private static String database;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() throws Exception {
    database = TestDatabases.create("ut_two");
    var namespace = TestKafka.namespace("two-instances");
    for (int i = 0; i < 2; i++) {
      instances.add(
          new SpringApplicationBuilder(CommandServiceApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + TestDatabases.url(database),
                  "--spring.datasource.username=postgres",
                  "--upgrade-tracker.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                  "--upgrade-tracker.kafka.namespace=" + namespace));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    instances.forEach(ConfigurableApplicationContext::close);
    TestDatabases.drop(database);
  }

  record Outcome(int status, String body) {}

  @Test
  void
      commandsRacingFromTwoInstancesOnOneClusterAreStoredOnceInOneHashChainOrRefusedWithTheVersion()
          throws Exception {
    var clusterId = "race-" + UUID.randomUUID().toString().substring(0, 6);
    var cluster = twoOwnHostsThreeGuests(clusterId);
    AdminAssigns.hostsOf(port(1), cluster);
    assertThat(post(0, "/api/clusters", Json.MAPPER.writeValueAsString(cluster)).status())
        .isEqualTo(201);

    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 160; i++) {
        int instance = i % 2;
        pool.submit(
            () ->
                outcomes.add(
                    post(instance, "/api/clusters/" + clusterId + "/verify-guests-boot", "{}")));
      }
    }

    var accepted = new ArrayList<String>();
    for (var outcome : outcomes) {
      if (outcome.status() == 202) {
        accepted.add(Json.MAPPER.readTree(outcome.body()).get("actionId").asString());
      } else {
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(outcome.body()).get("currentVersion").asLong())
            .isPositive();
      }
    }
    assertThat(accepted).isNotEmpty();
    var events = instances.getFirst().getBean(EventStore.class);
    var requested =
        events
            .readEvents(clusterId, 0)
            .asStream()
            .map(DomainEventMessage::getPayload)
            .filter(HostActionRequested.class::isInstance)
            .map(e -> ((HostActionRequested) e).actionId())
            .toList();
    var expected =
        accepted.stream()
            .flatMap(id -> Stream.of(id + "@" + clusterId + "-h1", id + "@" + clusterId + "-h2"))
            .toList();
    assertThat(requested).containsExactlyInAnyOrderElementsOf(expected);
    var chain = instances.getFirst().getBean(ChainVerifier.class).verify(clusterId).orElseThrow();
    assertThat(chain.intact()).as("hash chain: %s", chain).isTrue();
  }

  /**
   * Writers without If-Match want their change stored whatever came before: through both instances
   * at once, every one is stored, each on what the other instance stored before it.
   */
  @Test
  void updatesWithoutAnExpectedVersionFromBothInstancesAreAllStored() throws Exception {
    var clusterId = registeredCluster("steady");
    var cluster = Json.MAPPER.writeValueAsString(twoOwnHostsThreeGuests(clusterId));

    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 240; i++) {
        int instance = i % 2;
        pool.submit(
            () -> outcomes.add(send(instance, "PUT", "/api/clusters/" + clusterId, cluster, null)));
      }
    }

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(200));
    var chain = instances.getFirst().getBean(ChainVerifier.class).verify(clusterId).orElseThrow();
    assertThat(chain.events()).isEqualTo(241);
    assertThat(chain.intact()).as("hash chain: %s", chain).isTrue();
  }

  /**
   * While one instance decides on a cluster (here: holds the cluster's lock in the database, as a
   * command does until its transaction ends), a command on it waits instead of deciding on what is
   * about to be outdated, and goes on when the lock is released.
   */
  @Test
  void aCommandWaitsWhileAnotherInstanceDecidesOnTheSameCluster() throws Exception {
    var clusterId = registeredCluster("wait");
    var cluster = Json.MAPPER.writeValueAsString(twoOwnHostsThreeGuests(clusterId));
    try (var otherInstance =
        DriverManager.getConnection(TestDatabases.url(database), "postgres", "")) {
      otherInstance.setAutoCommit(false);
      try (var lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, clusterId);
        lock.execute();
      }
      var update =
          CompletableFuture.supplyAsync(
              () -> send(0, "PUT", "/api/clusters/" + clusterId, cluster, null));

      assertThat(awaitsALock(otherInstance)).as("the update waits for the other instance").isTrue();
      assertThat(update).isNotDone();
      otherInstance.commit();
      assertThat(update.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
  }

  /**
   * Two instances starting together on an empty store both find a processor without its token
   * segments: one makes them, the other waits for it and finds them made (before, its insert failed
   * and with it the whole service's start).
   */
  @Test
  void anInstanceStartingWhileTheOtherMakesAProcessorsSegmentsFindsThemMadeAndStarts()
      throws Exception {
    var processor = "starting-" + UUID.randomUUID().toString().substring(0, 6);
    var made = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    // a thread each: the common pool may have one thread on two cores, held by the first
    var threads = Executors.newVirtualThreadPerTaskExecutor();
    var making =
        CompletableFuture.runAsync(
            () ->
                transactions(0)
                    .executeInTransaction(
                        () -> {
                          tokens(0).initializeTokenSegments(processor, 2);
                          made.countDown();
                          awaitQuietly(release);
                        }),
            threads);
    assertThat(made.await(30, TimeUnit.SECONDS)).isTrue();

    var findingMade =
        CompletableFuture.runAsync(
            () ->
                transactions(1)
                    .executeInTransaction(() -> tokens(1).initializeTokenSegments(processor, 2)),
            threads);
    try (var watcher = DriverManager.getConnection(TestDatabases.url(database), "postgres", "")) {
      assertThat(awaitsALock(watcher)).as("the second waits for the first").isTrue();
    }
    release.countDown();

    making.get(30, TimeUnit.SECONDS);
    findingMade.get(30, TimeUnit.SECONDS);
    threads.close();
    assertThat(transactions(1).fetchInTransaction(() -> tokens(1).fetchSegments(processor)))
        .containsExactly(0, 1);
  }

  private static TransactionManager transactions(int instance) {
    return instances.get(instance).getBean(TransactionManager.class);
  }

  private static TokenStore tokens(int instance) {
    return instances.get(instance).getBean(TokenStore.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The publisher reads events in the order of their global index: one aggregate's events written
   * by both instances in turn must have indexes in their own order, or a later event reaches Kafka
   * before an earlier one.
   */
  @Test
  void eventsOfOneClusterWrittenByBothInstancesInTurnAreIndexedInTheirOrder() throws Exception {
    var clusterId = registeredCluster("order");
    var cluster = Json.MAPPER.writeValueAsString(twoOwnHostsThreeGuests(clusterId));
    for (int turn = 1; turn <= 6; turn++) {
      var answer = send(turn % 2, "PUT", "/api/clusters/" + clusterId, cluster, null);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    var sequences = new ArrayList<Long>();
    try (var connection = DriverManager.getConnection(TestDatabases.url(database), "postgres", "");
        var read =
            connection.prepareStatement(
                "select sequence_number from domain_event_entry"
                    + " where aggregate_identifier = ? order by global_index")) {
      read.setString(1, clusterId);
      try (var rows = read.executeQuery()) {
        while (rows.next()) {
          sequences.add(rows.getLong(1));
        }
      }
    }
    assertThat(sequences).hasSize(7).isSorted();
  }

  /** A new cluster of two hosts, registered through the first instance; answers its id. */
  private static String registeredCluster(String prefix) {
    var clusterId = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    AdminAssigns.hostsOf(port(1), twoOwnHostsThreeGuests(clusterId));
    assertThat(
            post(
                    0,
                    "/api/clusters",
                    Json.MAPPER.writeValueAsString(twoOwnHostsThreeGuests(clusterId)))
                .status())
        .isEqualTo(201);
    return clusterId;
  }

  /** Whether a session of this database waits for an advisory lock, within 10 s. */
  private static boolean awaitsALock(Connection connection) throws Exception {
    try (var waiting =
        connection.prepareStatement(
            "select count(*) from pg_locks where locktype = 'advisory' and not granted and"
                + " database = (select oid from pg_database where datname = current_database())")) {
      for (int tries = 0; tries < 100; tries++) {
        try (var rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            return true;
          }
        }
        Thread.sleep(100);
      }
      return false;
    }
  }

  /**
   * Each instance keeps the clusters it loaded; a cluster the other instance wrote since must not
   * be decided on as it was: each update names the version the previous one answered, from the
   * other instance, and is accepted.
   */
  @Test
  void eachInstanceDecidesOnTheClusterAsTheOtherInstanceLastWroteIt() throws Exception {
    var clusterId = "turns-" + UUID.randomUUID().toString().substring(0, 6);
    var cluster = Json.MAPPER.writeValueAsString(twoOwnHostsThreeGuests(clusterId));
    AdminAssigns.hostsOf(port(1), twoOwnHostsThreeGuests(clusterId));
    var answer = post(0, "/api/clusters", cluster);
    assertThat(answer.status()).isEqualTo(201);

    for (int turn = 1; turn <= 6; turn++) {
      long version = Json.MAPPER.readTree(answer.body()).get("position").asLong();
      answer = send(turn % 2, "PUT", "/api/clusters/" + clusterId, cluster, "\"" + version + "\"");

      assertThat(answer.status()).as("turn %d: %s", turn, answer.body()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(answer.body()).get("position").asLong())
          .isEqualTo(version + 1);
    }
  }

  private static Outcome post(int instance, String path, String json) {
    return send(instance, "POST", path, json, null);
  }

  private static Outcome send(
      int instance, String method, String path, String json, String ifMatch) {
    try {
      var builder =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer alpha-token")
              .method(method, HttpRequest.BodyPublishers.ofString(json));
      if (ifMatch != null) {
        builder.header("If-Match", ifMatch);
      }
      var request = builder.build();
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Outcome(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String port(int instance) {
    return instances.get(instance).getEnvironment().getProperty("local.server.port");
  }
}
