package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, as the launcher runs it: real KRaft broker, H2 file event store, the three
 * services as processes, SSH to the host simulator. It stops the whole stack, the broker included,
 * and starts it again on the same data directory, so it has a stack and a broker of its own.
 */
class ThinSliceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  @Test
  void aGuestMoveRequestedOverRestRunsOverSshAndShowsInTheViewAlsoAfterARestart() throws Exception {
    JsonNode viewBeforeRestart;
    try (var stack = Stack.start(settings())) {
      var accepted =
          Http.postJson(
              stack.commandUrl() + "/api/clusters/slice/guests/g1/move",
              stack.tokenOf("alpha"),
              "{\"toHost\":\"h2\"}");
      assertThat(accepted.statusCode()).isEqualTo(202);

      viewBeforeRestart = awaitView(stack, view -> hostOf(view, "g1").equals("h2"));

      assertThat(stack.simulator().fleet().guest("g1").orElseThrow().node()).isEqualTo("h2");
      assertThat(stack.simulator().fleet().commandLog())
          .extracting(e -> e.host() + ": " + e.commandLine())
          .containsExactly(
              "h1: cmviewcl -v -f line -p g1",
              "h1: cmhaltpkg g1",
              "h1: cmrunpkg -n h2 g1",
              "h1: cmmodpkg -e g1");
      var action = viewBeforeRestart.get("actions").get(0);
      assertThat(action.get("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(action.get("exitCode").asInt()).isZero();
      assertThat(Http.get(stack.queryUrl() + "/api/clusters/slice").statusCode())
          .as("views need a token")
          .isEqualTo(401);
      for (var service : List.of(stack.commandUrl(), stack.queryUrl(), stack.executorUrl())) {
        assertThat(Http.get(service + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN).body())
            .contains("jvm_memory_used_bytes");
      }
    }

    try (var restarted = Stack.start(settings())) {
      var viewAfterRestart =
          awaitView(
              restarted,
              view ->
                  view.get("lastSequence").asLong()
                      >= viewBeforeRestart.get("lastSequence").asLong());
      assertThat(viewAfterRestart).isEqualTo(viewBeforeRestart);
      assertThat(restarted.simulator().fleet().guest("g1").orElseThrow().node()).isEqualTo("h2");
    }
  }

  private JsonNode awaitView(Stack stack, Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Optional<JsonNode> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      var response = Http.get(stack.queryUrl() + "/api/clusters/slice", stack.tokenOf("alpha"));
      if (response.statusCode() == 200) {
        var view = JSON.readTree(response.body());
        last = Optional.of(view);
        if (wanted.test(view)) {
          return view;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the view never showed what was expected; last seen: " + last.orElse(null));
  }

  private static String hostOf(JsonNode view, String guest) {
    for (var g : view.get("guests")) {
      if (g.get("name").asString().equals(guest)) {
        return g.get("host").asString();
      }
    }
    return "";
  }

  private LauncherSettings settings() {
    return TestStacks.withOwnBroker(
        dataDir, Fleets.cluster("slice").localNames().guestsPerHost(2, 1).build());
  }
}
