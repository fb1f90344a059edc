package dev.upgradetracker.command.eventstore;

import static dev.upgradetracker.command.cluster.model.Clusters.result;
import static dev.upgradetracker.command.cluster.model.Clusters.twoOwnHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.Samples;
import dev.upgradetracker.messaging.contract.ContractReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the command side promises on any event store: commands over HTTP become stored events,
 * refusals write nothing, every stored event reaches Kafka once per cluster position, and executor
 * reports come back as events.
 */
abstract class EventStoreContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired DataSource dataSource;
  @Autowired KafkaSettings kafka;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer eventSerializer;

  final String clusterId = "c-" + UUID.randomUUID().toString().substring(0, 8);
  final ClusterSpec cluster = twoOwnHostsThreeGuests(clusterId);

  /** An admin assigned the test cluster's hosts to its team. */
  @BeforeEach
  void assignTheClustersHosts() {
    assignHosts(cluster);
  }

  @Test
  void theSchemaIsMadeByTheMigrations() throws SQLException {
    // Axon's stores find their tables and columns: every test here writes and reads through them
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "select \"version\", \"type\", \"success\" from \"flyway_schema_history\""
                    + " where \"version\" is not null"
                    + " order by \"installed_rank\"");
        var rows = statement.executeQuery()) {
      var applied = new ArrayList<String>();
      while (rows.next()) {
        applied.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getBoolean(3));
      }
      assertThat(applied)
          .containsExactlyElementsOf(
              migrations().stream().map(version -> version + " SQL true").toList());
    }
  }

  /** The versions of the migrations this store's database has, in order. */
  abstract List<String> migrations();

  @Test
  void theCommandPathRehearsedAtStartLeftNoEventInTheStore() throws SQLException {
    // the context ran CommandPathRehearsal before it was ready: its cluster never existed
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "select count(*) from domain_event_entry where aggregate_identifier like ?")) {
      statement.setString(1, "rehearsal-%");
      try (var rows = statement.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
    }
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement("select count(*) from domain_event_entry");
        var rows = statement.executeQuery()) {
      rows.next();
      assertThat(rows.getLong(1))
          .as("the store is read: the query above can see events")
          .isPositive();
    }
  }

  @Test
  void storesAcceptedCommandsPublishesThemAndRecordsExecutorReportsOnce() throws Exception {
    assertThat(register(cluster).statusCode()).isEqualTo(201);
    var move =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            "{\"toHost\":\"" + host(2) + "\",\"actionId\":\"a1\"}");
    assertThat(move.statusCode()).isEqualTo(202);

    var published = publishedEvents(2);
    assertThat(published).extracting(EventEnvelope::sequence).containsExactly(0L, 1L);
    assertThat(published.get(1).event()).isInstanceOf(ClusterEvent.HostActionRequested.class);
    assertThat(published.get(1).user())
        .as("the token's user; the request's X-User: ops-anna is no identity")
        .isEqualTo("alpha-operator");
    assertThat(published.get(1).team()).isEqualTo("alpha");
    assertThat(published.get(1).correlationId()).isEqualTo("req-42");
    assertThat(published.get(1).causationId()).isNotBlank();
    assertThat(published.get(0).previousHash()).isEmpty();
    assertThat(published.get(1).previousHash()).isEqualTo(published.get(0).hash()).hasSize(64);

    try (var producer =
        KafkaClients.producer(kafka.connection(), "fake-executor", JsonSerde.actionResults())) {
      var report = result(clusterId, "a1", ActionStatus.SUCCEEDED, 0);
      producer.send(new ProducerRecord<>(kafka.topics().actionResults(), clusterId, report)).get();
      producer.send(new ProducerRecord<>(kafka.topics().actionResults(), clusterId, report)).get();
    }

    var all = publishedEvents(4);
    assertThat(all)
        .extracting(e -> e.event().getClass().getSimpleName())
        .containsExactly(
            "ClusterRegistered", "HostActionRequested", "HostActionSucceeded", "GuestMoved");
    assertThat(storedEventCount()).isEqualTo(4);
  }

  @Test
  void storesEveryEventInTheJsonItsRecordWritesWhichThePublisherSendsAsItIs() {
    var samples = new LinkedHashMap<String, Object>(Samples.events());
    samples.putAll(Samples.campaignEvents());

    samples.forEach(
        (type, event) ->
            assertThat(
                    Json.MAPPER.readTree(eventSerializer.serialize(event, byte[].class).getData()))
                .as(type)
                .isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(event))));
  }

  @Test
  void refusedCommandsAnswerProblemDetailsAndWriteNothing() throws Exception {
    register(cluster);

    var duplicate = register(cluster);
    var badTarget = post("/api/clusters/" + clusterId + "/guests/g1/move", "{\"toHost\":\"h9\"}");
    var unknown = post("/api/clusters/nope/guests/g1/move", toHost(2));
    var malformed = post("/api/clusters", "{\"id\":\"x\",\"hosts\":[]}");
    var unknownStep =
        post("/api/clusters/" + clusterId + "/hosts/" + host(1) + "/frobnicate", "{}");
    var wrongType =
        post("/api/clusters", "{\"id\":\"x\",\"team\":\"alpha\",\"topology\":\"SIDEWAYS\"}");
    var otherTeam =
        post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2), "bravo-token");
    var auditor = post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2), "audit-token");
    var nobody = post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2), "wrong");

    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(badTarget.statusCode()).isEqualTo(409);
    assertThat(badTarget.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(badTarget.body()).contains("\"rule\":\"R5\"").contains("guest g1 cannot move to h9");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(unknownStep.statusCode()).isEqualTo(404);
    assertThat(unknownStep.body()).contains("step frobnicate does not exist");
    assertThat(Json.MAPPER.readTree(malformed.body()).get("errors").findValuesAsString("pointer"))
        .containsExactly("#/hosts", "#/team", "#/topology");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("\"field\":\"topology\"");
    assertThat(otherTeam.statusCode()).isEqualTo(403);
    assertThat(otherTeam.body()).contains("\"rule\":\"R8\"");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void malformedRequestsAreRefusedNamingEachFieldAndWriteNothing() throws Exception {
    var spec = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(cluster));
    var withoutId = edited(spec, json -> json.remove("id"));
    var unknownTopology = edited(spec, json -> json.put("topology", "SIDEWAYS"));
    var badVersion = edited(spec, json -> host(json, 0).put("ivmVersion", "banana"));
    var markupKit =
        edited(spec, json -> guest(json, 0).put("kitVersion", "B.04.00<script>x</script>"));
    var longName = edited(spec, json -> json.put("team", "t".repeat(64)));
    var unknownField = edited(spec, json -> json.put("colour", "x".repeat(200_000)));
    var numberAsName = edited(spec, json -> json.put("team", 12));
    var seventeenHosts =
        edited(
            spec,
            json -> {
              var hosts = (ArrayNode) json.get("hosts");
              while (hosts.size() < 17) {
                hosts.add(hosts.get(0).deepCopy());
              }
            });
    var tenMegabytes =
        edited(spec, json -> guest(json, 0).put("kitVersion", "x".repeat(10 * 1024 * 1024)));

    assertRefused(register(withoutId), "#/id", "is required");
    assertRefused(register(unknownTopology), "#/topology", "SIDEWAYS");
    assertRefused(register(badVersion), "#/hosts/0/ivmVersion", "Integrity VM version");
    assertRefused(register(markupKit), "#/guests/0/kitVersion", "Integrity VM version");
    assertRefused(register(longName), "#/team", "1-63 letters");
    assertRefused(register(unknownField), "#/colour", "is not a field of this request");
    assertRefused(register(numberAsName), "#/team", "wrong type");
    assertRefused(register(seventeenHosts), "#/hosts", "size must be between 1 and 16");
    assertRefused(
        post("/api/clusters/" + clusterId + "/guests/g1/move", "{\"toHost\": 12}"),
        "#/toHost",
        "wrong type");
    var overTheLimit = register(tenMegabytes);
    assertThat(overTheLimit.statusCode()).isEqualTo(413);
    var imported = post("/api/clusters/import", "{\"clusters\": [" + tenMegabytes + "]}", Map.of());
    assertRefused(imported, "#/clusters/0/guests/0/kitVersion", "Integrity VM version");
    var padded =
        post(
            "/api/clusters/import",
            "{\"clusters\": [" + spec + "], \"padding\": \"" + "x".repeat(10 << 20) + "\"}",
            Map.of());
    assertRefused(padded, "#/padding", "is not a field of this request");
    var several =
        register(
            edited(
                spec,
                json -> {
                  json.remove("team");
                  json.putNull("topology");
                }));
    assertThat(Json.MAPPER.readTree(several.body()).get("errors").findValuesAsString("pointer"))
        .containsExactly("#/team", "#/topology");
    assertThat(storedEventCount()).isZero();
  }

  /** What the contract's services are given: events of at most {@value #MAX_EVENT}. */
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("upgrade-tracker.limits.max-event-bytes", () -> MAX_EVENT);
  }

  static final String MAX_EVENT = "64KB";

  @Test
  void aCommandWhoseEventWouldBeTooLargeToPublishIsRefusedAndWritesNothing() throws Exception {
    var guests = new ArrayList<Guest>();
    for (int g = 1; g <= 2_000; g++) {
      guests.add(new Guest("guest-" + g, host(1), "A.03.50"));
    }
    var big =
        new ClusterSpec(
            clusterId, "alpha", cluster.topology(), false, cluster.hosts(), guests, List.of());

    var refused = register(Json.MAPPER.writeValueAsString(big));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body())
        .contains("the ClusterRegistered event this command would store has")
        .contains("MAX_EVENT_BYTES");
    assertThat(storedEventCount()).isZero();
    assertThat(register(cluster).statusCode())
        .as("its hosts were not taken by the refused registration")
        .isEqualTo(201);
  }

  private void assertRefused(HttpResponse<String> response, String pointer, String problem)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    var errors = Json.MAPPER.readTree(response.body()).get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.get(0).get("pointer").asString()).isEqualTo(pointer);
    assertThat(errors.get(0).get("detail").asString()).contains(problem);
  }

  private static String edited(JsonNode spec, Consumer<ObjectNode> change) {
    var copy = (ObjectNode) spec.deepCopy();
    change.accept(copy);
    return copy.toString();
  }

  private static ObjectNode host(ObjectNode json, int index) {
    return (ObjectNode) json.get("hosts").get(index);
  }

  private static ObjectNode guest(ObjectNode json, int index) {
    return (ObjectNode) json.get("guests").get(index);
  }

  @Test
  void aPlanIsADryRunThatWritesNothing() throws Exception {
    register(cluster);

    var plan = post("/api/clusters/" + clusterId + "/plan", "{\"mode\":\"UPDATE\"}");
    var foreign = post("/api/clusters/" + clusterId + "/plan", "{}", "bravo-token");

    assertThat(plan.statusCode()).isEqualTo(200);
    var steps = Json.MAPPER.readTree(plan.body()).get("steps");
    assertThat(steps.get(0).get("command").asString()).isEqualTo("VerifyGuestsBoot");
    assertThat(steps.get(steps.size() - 1).get("command").asString()).isEqualTo("InstallGuestKit");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void aGuestsFailoverNodesAreRegisteredAndAPlanThatLeavesItNoneIsRefusedUnderR5()
      throws Exception {
    var first = cluster.guests().getFirst();
    var restricted =
        withFirstGuest(
            new Guest(first.name(), first.host(), first.kitVersion(), List.of(first.host())));
    var json = (ObjectNode) Json.MAPPER.valueToTree(restricted);
    ((ObjectNode) json.get("guests").get(0)).putArray("failoverNodes").add(12);

    var malformed = register(json.toString());
    var registered = register(restricted);
    var plan = post("/api/clusters/" + clusterId + "/plan", "{\"mode\":\"UPDATE\"}");

    assertRefused(malformed, "#/guests/0/failoverNodes/0", "");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(409);
    assertThat(plan.body())
        .contains("\"rule\":\"R5\"")
        .contains(first.name())
        .contains("not in the guest's failover nodes [" + first.host() + "]");
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void aClustersSiteAndItsHostsDepotsAreStoredPublishedAndCarriedByItsHostActionRequests()
      throws Exception {
    var hosts =
        cluster.hosts().stream()
            .map(
                h ->
                    new VmHost(
                        h.name(),
                        h.sshAddress(),
                        h.hpuxVersion(),
                        h.ivmVersion(),
                        h.serviceguardVersion(),
                        "depot-" + h.name()))
            .toList();
    var sited =
        new ClusterSpec(
            cluster.id(),
            cluster.team(),
            cluster.topology(),
            cluster.clusterLock(),
            hosts,
            cluster.guests(),
            cluster.packages(),
            "east");

    assertThat(register(sited).statusCode()).isEqualTo(201);
    var move =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            "{\"toHost\":\"" + host(2) + "\",\"actionId\":\"a1\"}");

    assertThat(move.statusCode()).as(move.body()).isEqualTo(202);
    var published = publishedEvents(2);
    var registered = (ClusterEvent.ClusterRegistered) published.get(0).event();
    assertThat(registered.site()).isEqualTo("east");
    assertThat(registered.hosts())
        .extracting(VmHost::depot)
        .containsExactly("depot-" + host(1), "depot-" + host(2));
    var requested = (ClusterEvent.HostActionRequested) published.get(1).event();
    assertThat(requested.depot()).isEqualTo("depot-" + requested.host());
  }

  @Test
  void aSiteOrDepotThatIsNoNameOrTooLongIsRefusedAtItsPointerAndNothingIsStored() throws Exception {
    var spec = Json.MAPPER.valueToTree(cluster);

    var badSite = register(edited(spec, c -> c.put("site", "east; reboot")));
    var longDepot =
        register(
            edited(spec, c -> ((ObjectNode) c.get("hosts").get(0)).put("depot", "d".repeat(64))));

    assertRefused(badSite, "#/site", "must be 1-63 letters");
    assertRefused(longDepot, "#/hosts/0/depot", "must be 1-63 letters");
    assertThat(storedEventCount()).isZero();
  }

  @Test
  void aGuestOnTheFourKitWhileHostsRunThreeXIsRegisteredWithAnR4WarningThatThePlanCarriesToo()
      throws Exception {
    var first = cluster.guests().getFirst();
    var early = withFirstGuest(new Guest(first.name(), first.host(), "B.04.00"));

    var registered = register(early);
    var plan = post("/api/clusters/" + clusterId + "/plan", "{\"mode\":\"UPDATE\"}");

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    var warning = Json.MAPPER.readTree(registered.body()).get("warnings").get(0);
    assertThat(warning.get("kind").asString()).isEqualTo("KIT_BEFORE_LAST_HOST");
    assertThat(warning.get("rule").asString()).isEqualTo("R4");
    assertThat(warning.get("guests").get(0).asString()).isEqualTo(first.name());
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(plan.body()).get("warnings").get(0))
        .as("the plan names the same warning")
        .isEqualTo(warning);
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void importsAFleetClusterByClusterSayingWhatBecameOfEach() throws Exception {
    var mine = cluster;
    var another = twoOwnHostsThreeGuests(clusterId + "-b");
    assignHosts(another);
    var foreign =
        new ClusterSpec(
            clusterId + "-f",
            "bravo",
            mine.topology(),
            false,
            mine.hosts(),
            mine.guests(),
            List.of());
    var guestOnNoHost =
        new ClusterSpec(
            clusterId + "-x",
            "alpha",
            mine.topology(),
            false,
            mine.hosts(),
            List.of(new Guest("g1", "nowhere", "A.03.50")),
            List.of());
    var malformed =
        new ClusterSpec(
            clusterId + "-m", "alpha", mine.topology(), false, List.of(), List.of(), List.of());

    var response =
        post(
            "/api/clusters/import",
            Json.MAPPER.writeValueAsString(
                new Fleet(List.of(mine, another, foreign, guestOnNoHost))));
    var refusedWhole =
        post(
            "/api/clusters/import",
            Json.MAPPER.writeValueAsString(new Fleet(List.of(mine, malformed))));

    assertThat(response.statusCode()).isEqualTo(200);
    var result = Json.MAPPER.readTree(response.body());
    assertThat(result.get("registered").asInt()).isEqualTo(2);
    assertThat(result.get("refused").asInt()).isEqualTo(2);
    assertThat(result.get("clusters").get(0).get("warnings").isEmpty())
        .as("a cluster as the procedure finds it has no warning")
        .isTrue();
    assertThat(result.get("clusters").get(2).get("detail").asString()).startsWith("R8 owner-only");
    assertThat(result.get("clusters").get(3).get("detail").asString())
        .startsWith("guests[0].host: host nowhere is not a host of this cluster");
    assertThat(refusedWhole.statusCode())
        .as("a malformed cluster refuses the whole file, naming it")
        .isEqualTo(400);
    assertThat(refusedWhole.body()).contains("#/clusters/1/hosts");
    assertThat(eventStore.readEvents(malformed.id()).asStream().count()).isZero();
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void aCommandWithIfMatchIsAcceptedOnlyAtTheVersionItNames() throws Exception {
    var registered = register(cluster);
    assertThat(registered.headers().firstValue("ETag")).hasValue("\"0\"");

    var current =
        post(
            "/api/clusters/" + clusterId + "/guests/g1/move",
            toHost(2),
            Map.of("If-Match", "\"0\""));
    var stale =
        post(
            "/api/clusters/" + clusterId + "/guests/g2/move",
            toHost(2),
            Map.of("If-Match", "\"0\""));
    var malformed =
        post(
            "/api/clusters/" + clusterId + "/guests/g2/move",
            toHost(2),
            Map.of("If-Match", "yesterday"));

    assertThat(current.statusCode()).as(current.body()).isEqualTo(202);
    assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    var problem = Json.MAPPER.readTree(stale.body());
    assertThat(problem.get("expectedVersion").asLong()).isZero();
    assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"If-Match\"");
    assertThat(storedEventCount()).isEqualTo(2);
  }

  @Test
  void verificationFindsAnEventEditedInTheDatabaseAtExactlyThatEvent() throws Exception {
    register(cluster);
    post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2));
    post("/api/clusters/" + clusterId + "/guests/g2/move", toHost(2));
    post("/api/clusters/" + clusterId + "/guests/g3/move", toHost(1));
    var before = verification("/api/clusters/" + clusterId + "/verification");
    assertThat(before.get("events").asLong()).isEqualTo(storedEventCount()).isGreaterThan(2);
    assertThat(before.get("intact").asBoolean()).isTrue();

    editStoredPayload(1, "\"g1\"", "\"g9\"");

    var after = verification("/api/clusters/" + clusterId + "/verification");
    assertThat(after.get("intact").asBoolean()).isFalse();
    assertThat(after.get("firstBreak").get("sequence").asLong()).isEqualTo(1);
    assertThat(after.get("firstBreak").get("problem").asString())
        .isEqualTo("the event was changed after it was stored");
    var fleet = verification("/api/verification");
    assertThat(fleet.get("intact").asBoolean()).isFalse();
    assertThat(fleet.get("broken").findValuesAsString("aggregateId")).containsExactly(clusterId);
  }

  @Test
  void aCampaignMayNotTakeAClustersIdAndWritesNothing() throws Exception {
    register(cluster);

    var start =
        post(
            "/api/campaigns",
            "{\"campaignId\": \"" + clusterId + "\", \"clusterIds\": [\"" + clusterId + "\"]}");

    assertThat(start.statusCode()).as(start.body()).isEqualTo(409);
    assertThat(start.body()).contains("cluster " + clusterId + " already exists");
    assertThat(storedEventCount()).isEqualTo(1);
  }

  @Test
  void aClusterMayNotTakeACampaignsIdAndNoClusterIsFoundThere() throws Exception {
    register(cluster);
    var campaignId = "k-" + clusterId;
    var started =
        post(
            "/api/campaigns",
            "{\"campaignId\": \"" + campaignId + "\", \"clusterIds\": [\"" + clusterId + "\"]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    var spec = twoOwnHostsThreeGuests(campaignId);
    assignHosts(spec);

    var taken = register(spec);
    var plan = post("/api/clusters/" + campaignId + "/plan", "{}");

    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
    assertThat(taken.body()).contains("campaign " + campaignId + " already exists");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(404);
    assertThat(plan.body()).contains("cluster " + campaignId + " does not exist");
  }

  @Test
  void verificationNamesAClusterWhoseLastStoredEventWasDeletedWithThePosition() throws Exception {
    register(cluster);
    post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2));
    assertThat(publishedEvents(2)).hasSize(2);
    var before = verification("/api/verification?aggregate=" + clusterId);
    assertThat(before.get("ok").asBoolean()).as(before.toString()).isTrue();
    assertThat(before.at("/published/matching").asInt()).isEqualTo(1);

    deleteStoredEvent(1);

    var after = verification("/api/verification?aggregate=" + clusterId);
    assertThat(after.get("intact").asBoolean()).as("the chain left is whole").isTrue();
    assertThat(after.get("ok").asBoolean()).isFalse();
    assertThat(after.at("/published/problems/0").asString())
        .startsWith(clusterId + ": BROKEN at position 1: the store ends at position 0")
        .contains("the copy on Kafka reaches 1");
    var fleet = verification("/api/verification");
    assertThat(fleet.get("ok").asBoolean()).isFalse();
    assertThat(fleet.at("/published/problems").toString()).contains(clusterId + ": BROKEN");
  }

  @Test
  void aLongHistoryLoadsFromItsSnapshotAndASnapshotOfAnotherStateShapeIsIgnored() throws Exception {
    register(cluster);
    var spec = Json.MAPPER.writeValueAsString(cluster);
    for (int update = 1; update <= 100; update++) {
      var updated = put("/api/clusters/" + clusterId, spec);
      assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    }
    assertThat(snapshotRevisionsOnceTaken()).containsExactly("4");

    var fromSnapshot = post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2));
    assertThat(fromSnapshot.statusCode()).as(fromSnapshot.body()).isEqualTo(202);
    assertThat(fromSnapshot.headers().firstValue("ETag")).hasValue("\"101\"");

    replaceSnapshotWithAnOlderShape();
    var fromEvents = post("/api/clusters/" + clusterId + "/guests/g2/move", toHost(2));
    assertThat(fromEvents.statusCode()).as(fromEvents.body()).isEqualTo(202);
    assertThat(fromEvents.headers().firstValue("ETag")).hasValue("\"102\"");
    var movedAgain = post("/api/clusters/" + clusterId + "/guests/g1/move", toHost(2));
    assertThat(movedAgain.statusCode()).as("g1 is on host 2 already").isEqualTo(409);
  }

  /** Snapshots are taken after the command's answer, on a thread of their own. */
  private List<String> snapshotRevisionsOnceTaken() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    var revisions = snapshotRevisions();
    while (revisions.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      revisions = snapshotRevisions();
    }
    return revisions;
  }

  private List<String> snapshotRevisions() throws Exception {
    try (var connection = dataSource.getConnection();
        var read =
            connection.prepareStatement(
                "select payload_revision from snapshot_event_entry where aggregate_identifier = ?")) {
      read.setString(1, clusterId);
      try (var rows = read.executeQuery()) {
        var revisions = new ArrayList<String>();
        while (rows.next()) {
          revisions.add(rows.getString(1));
        }
        return revisions;
      }
    }
  }

  /** What a snapshot written before the state's last change looks like to this version. */
  private void replaceSnapshotWithAnOlderShape() throws Exception {
    try (var connection = dataSource.getConnection();
        var write =
            connection.prepareStatement(
                "update snapshot_event_entry set payload_revision = '1', payload = ?"
                    + " where aggregate_identifier = ?")) {
      write.setBytes(1, "{\"shape\":\"older\"}".getBytes(StandardCharsets.UTF_8));
      write.setString(2, clusterId);
      assertThat(write.executeUpdate()).isEqualTo(1);
    }
  }

  private void deleteStoredEvent(long sequence) throws Exception {
    try (var connection = dataSource.getConnection();
        var delete =
            connection.prepareStatement(
                "delete from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number = ?")) {
      delete.setString(1, clusterId);
      delete.setLong(2, sequence);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
  }

  private void editStoredPayload(long sequence, String from, String to) throws Exception {
    try (var connection = dataSource.getConnection()) {
      byte[] payload;
      try (var read =
          connection.prepareStatement(
              "select payload from domain_event_entry"
                  + " where aggregate_identifier = ? and sequence_number = ?")) {
        read.setString(1, clusterId);
        read.setLong(2, sequence);
        try (var rows = read.executeQuery()) {
          assertThat(rows.next()).isTrue();
          payload = rows.getBytes(1);
        }
      }
      var edited = new String(payload, StandardCharsets.UTF_8).replace(from, to);
      assertThat(edited).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
      try (var write =
          connection.prepareStatement(
              "update domain_event_entry set payload = ?"
                  + " where aggregate_identifier = ? and sequence_number = ?")) {
        write.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
        write.setString(2, clusterId);
        write.setLong(3, sequence);
        assertThat(write.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private JsonNode verification(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer audit-token")
            .GET()
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  /** The test cluster with its first guest as given. */
  ClusterSpec withFirstGuest(Guest first) {
    var guests = new ArrayList<>(cluster.guests());
    guests.set(0, first);
    return withInventory(cluster.hosts(), guests);
  }

  ClusterSpec withFirstHost(VmHost first) {
    var hosts = new ArrayList<>(cluster.hosts());
    hosts.set(0, first);
    return withInventory(hosts, cluster.guests());
  }

  private ClusterSpec withInventory(List<VmHost> hosts, List<Guest> guests) {
    return new ClusterSpec(
        cluster.id(),
        cluster.team(),
        cluster.topology(),
        cluster.clusterLock(),
        hosts,
        guests,
        cluster.packages());
  }

  long storedEventCount() {
    return eventStore.readEvents(clusterId).asStream().count();
  }

  private List<EventEnvelope> publishedEvents(int wanted) {
    return ContractReader.read(
        kafka.connection(),
        kafka.topics().events(),
        asItsRecordWritesIt(),
        e -> e.clusterId().equals(clusterId),
        wanted,
        Duration.ofSeconds(30));
  }

  /**
   * Envelopes, each checked to be what its record writes (the publisher writes the stored event's
   * JSON into it as it is, not the record read back).
   */
  private static Deserializer<EventEnvelope> asItsRecordWritesIt() {
    var envelopes = JsonSerde.envelopes();
    return (topic, published) -> {
      var envelope = envelopes.deserialize(topic, published);
      assertThat(Json.MAPPER.readTree(published))
          .as("the envelope of event %s as published", envelope.eventId())
          .isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(envelope)));
      return envelope;
    };
  }

  String host(int number) {
    return clusterId + "-h" + number;
  }

  private String toHost(int number) {
    return "{\"toHost\":\"" + host(number) + "\"}";
  }

  HttpResponse<String> register(String json) throws Exception {
    return post("/api/clusters", json);
  }

  HttpResponse<String> register(ClusterSpec spec) throws Exception {
    return post("/api/clusters", Json.MAPPER.writeValueAsString(spec));
  }

  void assignHosts(ClusterSpec... clusters) {
    AdminAssigns.hostsOf(String.valueOf(port), clusters);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return post(path, json, "alpha-token");
  }

  HttpResponse<String> post(String path, String json, String token) throws Exception {
    return post(path, json, token, Map.of());
  }

  HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws Exception {
    return post(path, json, "alpha-token", headers);
  }

  private HttpResponse<String> put(String path, String json) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer alpha-token")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json, String token, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("X-User", "ops-anna") // claims to be someone else: ignored
            .header("X-Correlation-Id", "req-42")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
