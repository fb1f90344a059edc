package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor process killed with SIGKILL in the middle of an action, then started again: on a
 * stack of its own, since it kills a service.
 */
class ExecutorCrashIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  @Test
  void anActionInterruptedByAKilledExecutorIsCompletedExactlyOnceAfterRestart() throws Exception {
    try (var stack = Stack.start(settings())) {
      var fleet = stack.simulator().fleet();
      stack.simulator().faults().add(Fault.slow("h1", "^cmrunpkg", Duration.ofSeconds(6)).times(1));

      var accepted =
          Http.postJson(
              stack.commandUrl() + "/api/clusters/crash/guests/g1/move",
              stack.tokenOf("alpha"),
              "{\"toHost\":\"h2\"}");
      assertThat(accepted.statusCode()).isEqualTo(202);
      await(
          () -> fleet.commandLog().stream().anyMatch(e -> e.commandLine().equals("cmhaltpkg g1")),
          "the executor halted g1");
      Thread.sleep(500);
      stack.crash("executor");
      stack.restart("executor");

      await(() -> guestHostInView(stack).equals("h2"), "the view shows g1 on h2");
      assertThat(fleet.guest("g1").orElseThrow().node()).isEqualTo("h2");
      assertThat(fleet.commandLog())
          .filteredOn(e -> e.commandLine().startsWith("cmrunpkg"))
          .hasSize(1);
      assertThat(fleet.commandLog())
          .filteredOn(e -> e.commandLine().startsWith("cmhaltpkg"))
          .hasSize(1);
      assertThat(fleet.violations()).isEmpty();
      var history =
          JSON.readTree(
              Http.get(stack.queryUrl() + "/api/clusters/crash/history", stack.tokenOf("alpha"))
                  .body());
      var lines = new ArrayList<String>();
      history
          .get("items")
          .valueStream()
          .filter(e -> e.path("type").asString().equals("HostActionSucceeded"))
          .forEach(e -> e.at("/action/commandLines").forEach(l -> lines.add(l.asString())));
      assertThat(lines)
          .as("the history shows the line the killed executor had started")
          .contains("cmrunpkg -n h2 g1");
    }
  }

  private static String guestHostInView(Stack stack) {
    try {
      var response = Http.get(stack.queryUrl() + "/api/clusters/crash", stack.tokenOf("alpha"));
      if (response.statusCode() != 200) {
        return "";
      }
      for (var guest : JSON.readTree(response.body()).get("guests")) {
        if (guest.get("name").asString().equals("g1")) {
          return guest.get("host").asString();
        }
      }
      return "";
    } catch (Exception e) {
      return "";
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  private LauncherSettings settings() {
    return TestStacks.on(dataDir, Fleets.cluster("crash").localNames().guestsPerHost(1, 0).build());
  }
}
