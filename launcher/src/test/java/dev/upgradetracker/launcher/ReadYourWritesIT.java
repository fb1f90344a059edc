package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.messaging.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes: a command answers with the cluster's position; the view asked with it shows the
 * command's effect at once, every time, though the view is built asynchronously from Kafka.
 */
class ReadYourWritesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int REPETITIONS = 100;

  @TempDir Path dataDir;

  @Test
  void aViewAskedWithTheCommandsPositionShowsItsEffectEveryTime() throws Exception {
    try (var stack = Stack.start(TestStacks.on(dataDir))) {
      var token = stack.tokenOf("alpha");
      for (int i = 1; i <= REPETITIONS; i++) {
        var cluster = cluster("ryw-" + i, List.of());
        var registered =
            Http.postJson(
                stack.commandUrl() + "/api/clusters",
                token,
                Json.MAPPER.writeValueAsString(cluster));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        var view = viewAt(stack, cluster.id(), registered);
        assertThat(view.get("hosts")).as("view of %s", cluster.id()).hasSize(2);

        var updated =
            Http.putJson(
                stack.commandUrl() + "/api/clusters/" + cluster.id(),
                token,
                Json.MAPPER.writeValueAsString(
                    cluster(cluster.id(), List.of(new Guest("late-" + i, "h1", "A.03.50")))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        var guests = new ArrayList<String>();
        viewAt(stack, cluster.id(), updated)
            .get("guests")
            .forEach(g -> guests.add(g.get("name").asString()));
        assertThat(guests).as("view of %s after the update", cluster.id()).contains("late-" + i);
      }
    }
  }

  private static JsonNode viewAt(Stack stack, String clusterId, HttpResponse<String> answer)
      throws Exception {
    long position = JSON.readTree(answer.body()).get("position").asLong();
    var view =
        Http.get(
            stack.queryUrl() + "/api/clusters/" + clusterId + "?position=" + position,
            stack.tokenOf("alpha"));
    assertThat(view.statusCode())
        .as("%s at %d: %s", clusterId, position, view.body())
        .isEqualTo(200);
    var json = JSON.readTree(view.body());
    assertThat(json.get("lastSequence").asLong()).isGreaterThanOrEqualTo(position);
    return json;
  }

  private static ClusterSpec cluster(String id, List<Guest> guests) {
    var all = new ArrayList<>(List.of(new Guest(id + "-g1", "h1", "A.03.50")));
    all.addAll(guests);
    return new ClusterSpec(
        id,
        "alpha",
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(
            new VmHost("h1", "127.0.0.1:9", "B.11.23", "A.03.50", "A.11.18"),
            new VmHost("h2", "127.0.0.1:9", "B.11.23", "A.03.50", "A.11.18")),
        all,
        List.of());
  }
}
