package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.ClusterBuilder;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.contract.ContractReader;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event Kafka refuses for good parks its aggregate alone: every other cluster keeps flowing,
 * admins see the parked one in health, metrics and a listing, and have it published once fixed.
 */
@ExtendWith(SharedStack.class)
class ParkedPublishingIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Duration NORMAL_LATENCY = Duration.ofSeconds(5);

  @Test
  void anEventKafkaRefusesParksItsClusterAloneUntilAnAdminRetriesIt(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var big =
        Fleets.cluster("parked-" + team).team(team).fleetUniqueHosts().guestsPerHost(800, 800);
    var bigId = big.build().id();
    // the publisher has one segment: the peers share the big cluster's
    var peers = peersOf(team);

    try (var admin = Admin.create(stack.kafka().properties())) {
      // given: the events topic takes records of at most 8 KiB; the big cluster's registration
      // (1,600 guests) is larger, its peers' are not
      limitRecordSize(admin, stack.topics().events(), "8192");
      try {
        registerUnserved(stack, big.build());
        var bigToken = stack.tokenOf(team);
        awaitHealthNaming(stack, bigId);
        var update =
            Http.putJson(
                stack.commandUrl() + "/api/clusters/" + bigId,
                bigToken,
                JSON.writeValueAsString(big.clusterLock(true).build()));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);

        // when: the peers, in the same segment of the publisher, are registered behind it
        long registered = System.nanoTime();
        registerUnserved(
            stack, peers.stream().map(ClusterBuilder::build).toArray(ClusterSpec[]::new));

        // then: they reach the views within normal latency; the big one does not
        for (var peer : peers) {
          awaitView(stack, bigToken, peer.build().id(), NORMAL_LATENCY);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - registered))
            .isLessThan(NORMAL_LATENCY.multipliedBy(peers.size()));
        assertThat(view(stack, bigToken, bigId)).isEqualTo(404);

        var health = adminHealth(stack);
        assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
        var parked = health.path("components").path("publishing").path("details").path("parked");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).path("aggregateId").asString()).isEqualTo(bigId);
        assertThat(parked.get(0).path("eventType").asString()).isEqualTo("ClusterRegistered");
        assertThat(parked.get(0).path("eventId").asString()).isNotBlank();
        assertThat(parked.get(0).path("held").asLong())
            .as("its update waits behind it")
            .isEqualTo(2);
        assertThat(parked.get(0).path("reason").asString()).contains("RecordTooLarge");
        assertThat(
                Http.get(stack.commandUrl() + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN)
                    .body())
            .contains("upgrade_publisher_parked_aggregates 1.0");
        var anonymous = Http.get(stack.commandUrl() + "/actuator/health");
        assertThat(anonymous.statusCode()).as("the service still serves").isEqualTo(200);
        assertThat(anonymous.body()).as("details for admins only").doesNotContain(bigId);
        assertThat(
                Http.postJson(stack.commandUrl() + "/api/publishing/parked/retry", bigToken, "{}")
                    .statusCode())
            .as("an operator may not release it")
            .isEqualTo(403);
        var verify =
            CliRuns.upgrade(
                stack, DemoIdentities.AUDITOR_TOKEN, "verify", "--publish-grace", "PT0S");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.out())
            .containsPattern(
                bigId + ": NOT PUBLISHED since \\S+: stored up to position 1, nothing on Kafka");
      } finally {
        limitRecordSize(admin, stack.topics().events(), null);
      }
    }

    // when: the topic takes it again and an admin retries
    var retried =
        Http.postJson(
            stack.commandUrl() + "/api/publishing/parked/retry", DemoIdentities.ADMIN_TOKEN, "{}");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(JSON.readTree(retried.body()).path("stillParked").asLong()).isZero();

    // then: it reaches the views with both its events, in order, each on the topic once
    var view = awaitView(stack, stack.tokenOf(team), bigId, NORMAL_LATENCY);
    long deadline = System.nanoTime() + NORMAL_LATENCY.toNanos();
    while (view.path("lastSequence").asLong() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      view = awaitView(stack, stack.tokenOf(team), bigId, NORMAL_LATENCY);
    }
    assertThat(view.path("lastSequence").asLong()).as("its update too").isEqualTo(1);
    assertThat(adminHealth(stack).path("status").asString()).isEqualTo("UP");
    var ids = Set.of(bigId, peers.get(0).build().id());
    var published =
        ContractReader.read(
            stack.kafka(),
            stack.topics().events(),
            JsonSerde.envelopes(),
            (Predicate<EventEnvelope>) envelope -> ids.contains(envelope.clusterId()),
            Integer.MAX_VALUE,
            Duration.ofSeconds(5));
    assertThat(published.stream().map(EventEnvelope::eventId)).doesNotHaveDuplicates();
    assertThat(
            published.stream()
                .filter(envelope -> envelope.clusterId().equals(bigId))
                .map(EventEnvelope::sequence))
        .containsExactly(0L, 1L);
  }

  /** Clusters no host action reaches here: assigned and registered, not simulated. */
  private static void registerUnserved(Stack stack, ClusterSpec... clusters) throws Exception {
    var fleet = new Fleet(List.of(clusters));
    stack.assignHosts(fleet);
    stack.register(fleet);
  }

  private static List<ClusterBuilder> peersOf(String team) {
    return IntStream.range(0, 3)
        .mapToObj(n -> Fleets.cluster("peer" + n + "-" + team).team(team).fleetUniqueHosts())
        .toList();
  }

  private static void limitRecordSize(Admin admin, String topic, String maxBytes) throws Exception {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    var entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes);
    var op =
        new AlterConfigOp(
            entry, maxBytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
    admin
        .incrementalAlterConfigs(Map.of(resource, (Collection<AlterConfigOp>) List.of(op)))
        .all()
        .get();
    Thread.sleep(1_000);
  }

  private static JsonNode adminHealth(Stack stack) throws Exception {
    var health = Http.get(stack.commandUrl() + "/actuator/health", DemoIdentities.ADMIN_TOKEN);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    return JSON.readTree(health.body());
  }

  private static void awaitHealthNaming(Stack stack, String clusterId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!adminHealth(stack).toString().contains(clusterId)) {
      assertThat(System.nanoTime()).as("%s parked within 30 s", clusterId).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int view(Stack stack, String token, String clusterId) throws Exception {
    return Http.get(stack.queryUrl() + "/api/clusters/" + clusterId, token).statusCode();
  }

  private static JsonNode awaitView(Stack stack, String token, String clusterId, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      var answer = Http.get(stack.queryUrl() + "/api/clusters/" + clusterId, token);
      if (answer.statusCode() == 200) {
        return JSON.readTree(answer.body());
      }
      assertThat(System.nanoTime())
          .as("%s in the views within %s", clusterId, within)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
