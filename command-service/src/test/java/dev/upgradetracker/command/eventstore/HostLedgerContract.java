package dev.upgradetracker.command.eventstore;

import static dev.upgradetracker.command.cluster.model.Clusters.twoOwnHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.host.HostLedgerMigration;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hosts belong to teams, on any event store: only an admin assigns them, a team registers clusters
 * only over its own free hosts, two racing registrations cannot share one, and hosts of clusters
 * stored before hosts had owners are assigned to their teams once.
 */
abstract class HostLedgerContract extends EventStoreContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired HostLedgerMigration migration;

  @Test
  void aRegistrationOverAnotherTeamsHostOrAHostOfAnotherClusterIsRefusedAndWritesNothing()
      throws Exception {
    assertThat(register(cluster).statusCode()).isEqualTo(201);
    var bravos =
        Fleets.cluster(clusterId + "-bravo")
            .team("bravo")
            .localNames()
            .fleetUniqueHosts()
            .guestsPerHost(0, 0)
            .build();
    assignHosts(bravos);
    var overBravosHost = withHosts(clusterId + "-mixed", bravos.hosts().get(1));
    var again = withHosts(clusterId + "-again", cluster.hosts().get(1));

    var overBravos = register(overBravosHost);
    var overTaken = register(again);
    var updateOverBravos =
        update(withHosts(clusterId, cluster.hosts().get(0), bravos.hosts().get(0)));

    assertThat(overBravos.statusCode()).isEqualTo(403);
    assertThat(overBravos.body())
        .contains("\"rule\":\"R8\"")
        .contains("host " + bravos.hosts().get(1).name() + " belongs to team bravo");
    assertThat(overTaken.statusCode()).isEqualTo(409);
    assertThat(overTaken.body()).contains("host " + host(2) + " is in cluster " + clusterId);
    assertThat(updateOverBravos.statusCode()).isEqualTo(403);
    assertThat(eventStore.readEvents(overBravosHost.id()).asStream().count()).isZero();
    assertThat(eventStore.readEvents(again.id()).asStream().count()).isZero();
    assertThat(storedEventCount()).isEqualTo(1);
    assertThat(hostEntry(bravos.hosts().get(0).name()).get("clusterId").isNull()).isTrue();
    assertThat(hostEntry(host(2)).get("clusterId").asString()).isEqualTo(clusterId);
  }

  @Test
  void onlyAnAdminAssignsHostsARepeatChangesNothingAndEveryChangeIsAudited() throws Exception {
    var name = clusterId + "-spare";
    var assignment = "{\"sshAddress\":\"" + name + ":22\",\"team\":\"alpha\"}";

    var byOperator = send("PUT", "/api/hosts/" + name, assignment, "alpha-token");
    var assigned = send("PUT", "/api/hosts/" + name, assignment, "admin-token");
    var repeated = send("PUT", "/api/hosts/" + name, assignment, "admin-token");
    var sameAddress =
        send(
            "PUT",
            "/api/hosts/" + name + "-twin",
            assignment.replace("alpha", "bravo"),
            "admin-token");
    var reassigned =
        send("PUT", "/api/hosts/" + name, assignment.replace("alpha", "bravo"), "admin-token");
    var releasedByOperator = send("DELETE", "/api/hosts/" + name, null, "bravo-token");
    var released = send("DELETE", "/api/hosts/" + name, null, "admin-token");

    assertThat(byOperator.statusCode()).isEqualTo(403);
    assertThat(assigned.body()).contains("\"change\":\"ASSIGNED\"");
    assertThat(repeated.body()).contains("\"change\":\"UNCHANGED\"");
    assertThat(sameAddress.statusCode()).isEqualTo(409);
    assertThat(sameAddress.body()).contains("is assigned to host " + name);
    assertThat(reassigned.body()).contains("\"change\":\"REASSIGNED\"");
    assertThat(releasedByOperator.statusCode()).isEqualTo(403);
    assertThat(released.body()).contains("\"change\":\"RELEASED\"");
    assertThat(send("GET", "/api/hosts/" + name, null, "audit-token").statusCode()).isEqualTo(404);
    var history = Json.MAPPER.readTree(send("GET", history(name), null, "audit-token").body());
    assertThat(history.findValuesAsString("user")).containsOnly("admin");
    assertThat(history.findValues("event"))
        .extracting(event -> event.get("type").asString())
        .containsExactly("HostAssigned.v1", "HostReassigned.v1", "HostReleased.v1");
    assertThat(history.get(1).get("event").get("previousTeam").asString()).isEqualTo("alpha");
  }

  @Test
  void aHostInAClusterIsReleasedOnlyOnceItsTeamUpdatedTheClusterWithoutIt() throws Exception {
    register(cluster);

    var whileInCluster = send("DELETE", "/api/hosts/" + host(2), null, "admin-token");
    var withoutH2 =
        new ClusterSpec(
            clusterId,
            "alpha",
            cluster.topology(),
            false,
            List.of(cluster.hosts().get(0)),
            cluster.guests().stream().filter(g -> !g.host().equals(host(2))).toList(),
            List.of());
    var update = update(withoutH2);
    var afterUpdate = send("DELETE", "/api/hosts/" + host(2), null, "admin-token");

    assertThat(whileInCluster.statusCode()).isEqualTo(409);
    assertThat(whileInCluster.body()).contains("host " + host(2) + " is in cluster " + clusterId);
    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    assertThat(afterUpdate.body()).contains("\"change\":\"RELEASED\"");
  }

  @Test
  void anUpdateOverTheHostsItsClusterHoldsGoesThroughWhileAnotherTransactionLocksTheirEntries()
      throws Exception {
    register(cluster);
    var restricted = firstGuestKeptOnItsHost();

    HttpResponse<String> update;
    try (var holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var lock =
          holder.prepareStatement(
              "select host_name from host_assignment where host_name in (?, ?) for update")) {
        lock.setString(1, host(1));
        lock.setString(2, host(2));
        lock.executeQuery().close();
      }
      update = update(restricted, Duration.ofSeconds(10));
      holder.rollback();
    }

    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    assertThat(eventStore.readEvents(clusterId).asStream().count())
        .as("registered, then updated")
        .isEqualTo(2);
  }

  @Test
  void anUpdateOverItsOwnHostsNamingOneAtAnotherAddressIsRefusedAndWritesNothing()
      throws Exception {
    register(cluster);
    var host = cluster.hosts().getFirst();
    var elsewhere =
        withFirstHost(
            new VmHost(
                host.name(),
                "elsewhere.example:22",
                host.hpuxVersion(),
                host.ivmVersion(),
                host.serviceguardVersion(),
                host.depot()));

    var update = update(elsewhere);

    assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
    assertThat(update.body())
        .contains("hosts[0].sshAddress")
        .contains("host " + host.name() + " is assigned at");
    assertThat(eventStore.readEvents(clusterId).asStream().count())
        .as("registered only")
        .isEqualTo(1);
  }

  @Test
  void anAdminMovingAHostRacingItsClustersUpdateIsRefusedWhicheverCommitsFirst() throws Exception {
    register(cluster);
    var restricted = firstGuestKeptOnItsHost();
    var host = cluster.hosts().getFirst();
    var toBravo = "{\"sshAddress\":\"" + host.sshAddress() + "\",\"team\":\"bravo\"}";

    var statuses = new ArrayList<List<Integer>>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < 10; round++) {
        var inventory = round % 2 == 0 ? restricted : cluster;
        Callable<Integer> adminMove =
            round % 4 < 2
                ? () ->
                    send("PUT", "/api/hosts/" + host.name(), toBravo, "admin-token").statusCode()
                : () ->
                    send("DELETE", "/api/hosts/" + host.name(), null, "admin-token").statusCode();
        Callable<Integer> update = () -> update(inventory).statusCode();
        statuses.add(
            pool.invokeAll(List.of(update, adminMove)).stream().map(f -> f.resultNow()).toList());
      }
    }

    assertThat(statuses)
        .as("the update, then the admin's move, each round")
        .containsOnly(List.of(200, 409));
    var entry = hostEntry(host.name());
    assertThat(entry.get("team").asString()).isEqualTo("alpha");
    assertThat(entry.get("clusterId").asString()).isEqualTo(clusterId);
  }

  @Test
  void ofTwoRacingRegistrationsOverOneHostExactlyOneIsStored() throws Exception {
    var contenders =
        List.of(
            withHosts(clusterId + "-r1", cluster.hosts().get(0)),
            withHosts(clusterId + "-r2", cluster.hosts().get(0)),
            withHosts(clusterId + "-r3", cluster.hosts().get(0)));
    List<Callable<Integer>> registrations =
        contenders.stream().map(c -> (Callable<Integer>) () -> register(c).statusCode()).toList();

    List<Integer> statuses;
    try (var pool = Executors.newFixedThreadPool(contenders.size())) {
      statuses = pool.invokeAll(registrations).stream().map(f -> f.resultNow()).toList();
    }

    assertThat(statuses).containsOnlyOnce(201).contains(409);
    assertThat(contenders)
        .filteredOn(c -> eventStore.readEvents(c.id()).asStream().findAny().isPresent())
        .hasSize(1);
  }

  @Test
  void hostsOfClustersStoredBeforeHostsHadOwnersAreAssignedToTheirTeamsOnce() throws Exception {
    register(cluster);
    var first = twoOwnHostsThreeGuests(clusterId + "-old1");
    var second = withHosts(clusterId + "-old2", first.hosts().get(1));
    storeAsBeforeHostOwnership(first);
    storeAsBeforeHostOwnership(second);
    jdbc.sql("delete from host_ledger_task").update();

    migration.run();

    var oldHost = hostEntry(first.hosts().get(1).name());
    assertThat(oldHost.get("team").asString()).isEqualTo("alpha");
    assertThat(oldHost.get("clusterId").asString())
        .as("a host two stored clusters list stays with the one registered first")
        .isEqualTo(first.id());
    assertThat(hostEntry(host(1)).get("clusterId").asString())
        .as("the ledger rebuilt keeps what hosts assigned since hold")
        .isEqualTo(clusterId);
    var history =
        Json.MAPPER.readTree(
            send("GET", history(first.hosts().get(0).name()), null, "audit-token").body());
    assertThat(history.findValuesAsString("user")).containsExactly("host-ledger-migration");
    var bravosClaim =
        post(
            "/api/clusters",
            Json.MAPPER.writeValueAsString(
                withHosts(clusterId + "-b", "bravo", first.hosts().get(0))),
            "bravo-token");
    assertThat(bravosClaim.statusCode()).isEqualTo(403);
  }

  private void storeAsBeforeHostOwnership(ClusterSpec spec) {
    var registered = ClusterRegistered.of(spec);
    transactions.executeWithoutResult(
        status ->
            eventStore.publish(
                new GenericDomainEventMessage<>("ClusterAggregate", spec.id(), 0, registered)));
  }

  private static ClusterSpec withHosts(String id, VmHost... hosts) {
    return withHosts(id, "alpha", hosts);
  }

  private static ClusterSpec withHosts(String id, String team, VmHost... hosts) {
    return new ClusterSpec(
        id, team, Topology.GUESTS_AS_PACKAGES, false, List.of(hosts), List.of(), List.of());
  }

  /** The registered inventory, its first guest failing over to its own host only. */
  private ClusterSpec firstGuestKeptOnItsHost() {
    var first = cluster.guests().getFirst();
    return withFirstGuest(
        new Guest(first.name(), first.host(), first.kitVersion(), List.of(first.host())));
  }

  private HttpResponse<String> update(ClusterSpec spec) throws Exception {
    return update(spec, PATIENCE);
  }

  private HttpResponse<String> update(ClusterSpec spec, Duration patience) throws Exception {
    return send(
        "PUT",
        "/api/clusters/" + spec.id(),
        Json.MAPPER.writeValueAsString(spec),
        "alpha-token",
        patience);
  }

  private static String history(String host) {
    return "/api/hosts/" + host + "/history";
  }

  private JsonNode hostEntry(String host) throws Exception {
    var response = send("GET", "/api/hosts/" + host, null, "audit-token");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  HttpResponse<String> send(String method, String path, String json, String token)
      throws Exception {
    return send(method, path, json, token, PATIENCE);
  }

  private HttpResponse<String> send(
      String method, String path, String json, String token, Duration patience) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(patience)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
