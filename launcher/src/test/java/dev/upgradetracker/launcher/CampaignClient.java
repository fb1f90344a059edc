package dev.upgradetracker.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team's view of campaigns over the command service's REST API, as the tests use it. */
final class CampaignClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Stack stack;
  private final String token;
  private final String approverToken;

  CampaignClient(Stack stack, String team) {
    this.stack = stack;
    this.token = stack.tokenOf(team);
    this.approverToken = stack.approverTokenOf(team);
  }

  /** Sends a command as the team's operator. */
  HttpResponse<String> post(String path, String body) throws Exception {
    return Http.postJson(stack.commandUrl() + path, token, body);
  }

  /** Approves a node's upgrade as the team's approver, who did not start the campaign. */
  HttpResponse<String> approve(String campaignId, String clusterId, String host) throws Exception {
    return Http.postJson(
        stack.commandUrl() + "/api/campaigns/" + campaignId + "/clusters/" + clusterId + "/approve",
        approverToken,
        "{\"host\": \"" + host + "\"}");
  }

  JsonNode start(String body) throws Exception {
    var response = post("/api/campaigns", body);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "campaign not started: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The campaign now, or null while the command service does not answer (killed, starting). */
  JsonNode campaign(String campaignId) {
    try {
      var response = Http.get(stack.commandUrl() + "/api/campaigns/" + campaignId, token);
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  JsonNode await(String campaignId, Predicate<JsonNode> condition, Duration patience, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      var campaign = campaign(campaignId);
      if (campaign != null) {
        last = campaign;
        if (condition.test(campaign)) {
          return campaign;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting until " + what + "; campaign: " + last);
  }

  static int stepsDone(JsonNode campaign) {
    int done = 0;
    for (var cluster : campaign.get("progress")) {
      done += cluster.get("stepsDone").asInt();
    }
    return done;
  }

  static String status(JsonNode campaign) {
    return campaign.get("status").asString();
  }
}
