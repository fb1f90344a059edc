package dev.upgradetracker.simulator.served;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SideEffectsServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void theHostsSideEffectsAreKeptOnDiskAndServedReadOnlyPerCluster() throws Exception {
    var fleet = Fleets.of(Fleets.cluster("c1").build(), Fleets.cluster("c2").build());
    var state = dir.resolve("state.json");
    try (var model = FleetModel.persistent(fleet, state)) {
      model.log("c1-h1", "cmhaltpkg c1-g1", 0, "move-1");
      model.log("c2-h1", "update-ux -s depot HPUX11i-VSE-OE", 0, "upgrade-7");
      model.violation("c2", "R2 node-drained: update-ux on c2-h1 with guests running");
    }

    try (var reopened = FleetModel.persistent(fleet, state);
        var server = SideEffectsServer.start(reopened, 0)) {
      var c1 = get(server.baseUrl() + "/commands?cluster=c1");
      assertThat(c1.statusCode()).isEqualTo(200);
      var commands = JSON.readTree(c1.body());
      assertThat(commands).hasSize(1);
      assertThat(commands.get(0).get("commandLine").asString()).isEqualTo("cmhaltpkg c1-g1");
      assertThat(commands.get(0).get("actionId").asString()).isEqualTo("move-1");
      assertThat(JSON.readTree(get(server.baseUrl() + "/commands").body())).hasSize(2);
      var violations = JSON.readTree(get(server.baseUrl() + "/violations?cluster=c2").body());
      assertThat(violations.get(0).get("description").asString()).startsWith("R2");
      assertThat(JSON.readTree(get(server.baseUrl() + "/violations?cluster=c1").body())).isEmpty();

      var write =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/commands"))
                  .POST(HttpRequest.BodyPublishers.ofString("[]"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(write.statusCode()).as("read only").isEqualTo(405);
      assertThat(reopened.commandLog()).hasSize(2);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
