package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.ClusterBuilder;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes: a command answers with the cluster's position; the view asked with it shows the
 * command's effect at once, every time, though the view is built asynchronously from Kafka.
 */
@ExtendWith(SharedStack.class)
class ReadYourWritesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int REPETITIONS = 100;

  @Test
  void aViewAskedWithTheCommandsPositionShowsItsEffectEveryTime(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var token = stack.tokenOf(team);
    for (int i = 1; i <= REPETITIONS; i++) {
      var id = "ryw-" + i;
      stack.assignHosts(new Fleet(List.of(cluster(id, team).build())));
      var registered =
          Http.postJson(
              stack.commandUrl() + "/api/clusters",
              token,
              Json.MAPPER.writeValueAsString(cluster(id, team).guestsPerHost(1, 0).build()));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

      var view = viewAt(stack, token, id, registered);
      assertThat(view.get("hosts")).as("view of %s", id).hasSize(2);

      var updated =
          Http.putJson(
              stack.commandUrl() + "/api/clusters/" + id,
              token,
              Json.MAPPER.writeValueAsString(cluster(id, team).guestsPerHost(2, 0).build()));
      assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

      var guests = new ArrayList<String>();
      viewAt(stack, token, id, updated)
          .get("guests")
          .forEach(g -> guests.add(g.get("name").asString()));
      assertThat(guests)
          .as("view of %s after the update", id)
          .containsExactlyInAnyOrder("g1", "g2");
    }
  }

  private static JsonNode viewAt(
      Stack stack, String token, String clusterId, HttpResponse<String> answer) throws Exception {
    long position = JSON.readTree(answer.body()).get("position").asLong();
    var view =
        Http.get(stack.queryUrl() + "/api/clusters/" + clusterId + "?position=" + position, token);
    assertThat(view.statusCode())
        .as("%s at %d: %s", clusterId, position, view.body())
        .isEqualTo(200);
    var json = JSON.readTree(view.body());
    assertThat(json.get("lastSequence").asLong()).isGreaterThanOrEqualTo(position);
    return json;
  }

  /** A cluster of two hosts the executor never reaches: no command here runs a host action. */
  private static ClusterBuilder cluster(String id, String team) {
    return Fleets.cluster(id).team(team).localNames().fleetUniqueHosts();
  }
}
