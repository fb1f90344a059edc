package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cluster of each topology upgraded from Integrity VM 3.50 to 4.0 through the whole system, by
 * REST commands following the cluster's dry-run plan, each step awaited in the view; then the
 * simulated hosts themselves are checked.
 */
@ExtendWith(SharedStack.class)
class FullUpgradeIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String team;

  @Test
  void bothTopologiesEndWithEveryHostOn40EveryKitInstalledAndNoRuleBroken(SharedStack.Tenant tenant)
      throws Exception {
    team = tenant.newTeam();
    tenant.add(
        Fleets.cluster("pkgs").team(team).guestsPerHost(2, 1, 1).build(),
        Fleets.cluster("nodes")
            .team(team)
            .guestsAsNodes()
            .guestsPerHost(2, 2, 2)
            .pkg(1, 3, 5)
            .pkg(3, 5, 1)
            .build());
    var stack = tenant.stack();
    for (var cluster : List.of("pkgs", "nodes")) {
      var plan = JSON.readTree(post(stack, "/api/clusters/" + cluster + "/plan", "{}").body());
      for (var step : plan.get("steps")) {
        var response =
            post(
                stack,
                path(cluster, step),
                step.get("command").asString().equals("UpgradeNode")
                    ? "{\"mode\":\"UPDATE\"}"
                    : "{}");
        assertThat(response.statusCode())
            .as("%s %s: %s", step.get("command"), step.get("subject"), response.body())
            .isEqualTo(202);
        awaitStepDone(stack, cluster, JSON.readTree(response.body()).get("actionId").asString());
      }
    }

    var fleet = stack.simulator().fleet();
    assertThat(Stream.concat(fleet.hostsOf("pkgs").stream(), fleet.hostsOf("nodes").stream()))
        .hasSize(6)
        .allSatisfy(
            h -> {
              assertThat(h.ivmVersion()).isEqualTo("B.04.00");
              assertThat(h.hpuxVersion()).isEqualTo("B.11.31");
              assertThat(h.patched()).isTrue();
            });
    assertThat(fleet.guestsOf("pkgs"))
        .allSatisfy(g -> assertThat(g.kitVersion()).isEqualTo("B.04.00"));
    assertThat(fleet.guestsOf("nodes"))
        .allSatisfy(
            g -> {
              assertThat(g.kitVersion()).isEqualTo("B.04.00");
              assertThat(g.member()).isTrue();
            });
    assertThat(fleet.packagesOf("nodes")).allSatisfy(p -> assertThat(p.running()).isTrue());
    assertThat(fleet.violationsOf("pkgs")).isEmpty();
    assertThat(fleet.violationsOf("nodes")).isEmpty();
    for (var cluster : List.of("pkgs", "nodes")) {
      var view = view(stack, cluster);
      for (var host : view.get("hosts")) {
        assertThat(host.get("ivmVersion").asString()).isEqualTo("B.04.00");
      }
    }
  }

  private static String path(String cluster, JsonNode step) {
    var base = "/api/clusters/" + cluster;
    var subject = step.get("subject").asString();
    return switch (step.get("command").asString()) {
      case "VerifyGuestsBoot" -> base + "/verify-guests-boot";
      case "BackUpGuests" -> base + "/backup-guests";
      case "BackUpHost" -> base + "/hosts/" + subject + "/backup";
      case "MoveGuests" -> base + "/hosts/" + subject + "/move-guests-away";
      case "MovePackages" -> base + "/hosts/" + subject + "/move-packages-away";
      case "HaltClusterNodes" -> base + "/hosts/" + subject + "/halt-guest-nodes";
      case "UpgradeNode" -> base + "/hosts/" + subject + "/upgrade";
      case "InstallPatches" -> base + "/hosts/" + subject + "/patches";
      case "RunClusterNodes" -> base + "/hosts/" + subject + "/run-guest-nodes";
      case "InstallGuestKit" -> base + "/kits";
      default -> throw new AssertionError("a plan step this test cannot send: " + step);
    };
  }

  /**
   * Waits until the view shows every host action of the step (its action id, or that id with
   * {@code @subject} for a fanned-out step) ended, and none of them failed.
   */
  private void awaitStepDone(Stack stack, String cluster, String actionId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      int seen = 0;
      boolean running = false;
      for (var action : view(stack, cluster).get("actions")) {
        var id = action.get("actionId").asString();
        if (id.equals(actionId) || id.startsWith(actionId + "@")) {
          seen++;
          assertThat(action.get("status").asString())
              .as("action %s", action)
              .isNotEqualTo("FAILED");
          running |= action.get("status").asString().equals("REQUESTED");
        }
      }
      if (seen > 0 && !running) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "step "
            + actionId
            + " of "
            + cluster
            + " did not end: "
            + view(stack, cluster).get("actions"));
  }

  /** The cluster's view, once the query service has it (it answers 404 or 503 before). */
  private JsonNode view(Stack stack, String cluster) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      var response = Http.get(stack.queryUrl() + "/api/clusters/" + cluster, stack.tokenOf(team));
      if (response.statusCode() == 200) {
        return JSON.readTree(response.body());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no view of " + cluster + ": " + response.statusCode() + " " + response.body());
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> post(Stack stack, String path, String body) throws Exception {
    return Http.postJson(stack.commandUrl() + path, stack.tokenOf(team), body);
  }
}
