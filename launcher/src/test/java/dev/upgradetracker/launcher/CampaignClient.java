package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's campaigns as the tests use them: commands to the command service, views from the query
 * service.
 */
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

  /** The campaign as the query service shows it, or null while it does not answer. */
  JsonNode campaign(String campaignId) {
    return view("/api/campaigns/" + campaignId);
  }

  /** The cluster as the query service shows it, or null while it does not answer. */
  JsonNode cluster(String clusterId) {
    return view("/api/clusters/" + clusterId);
  }

  /** The campaign once its view shows the command whose answer was {@code accepted}. */
  JsonNode after(HttpResponse<String> accepted) throws Exception {
    assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 201);
    var answer = JSON.readTree(accepted.body());
    var view =
        Http.get(
            stack.queryUrl()
                + "/api/campaigns/"
                + answer.get("campaignId").asString()
                + "?position="
                + answer.get("position").asLong(),
            token);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return JSON.readTree(view.body());
  }

  private JsonNode view(String path) {
    try {
      var response = Http.get(stack.queryUrl() + path, token);
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  JsonNode await(String campaignId, Predicate<JsonNode> condition, Duration patience, String what)
      throws InterruptedException {
    return awaitView(() -> campaign(campaignId), condition, patience, what);
  }

  JsonNode awaitCluster(
      String clusterId, Predicate<JsonNode> condition, Duration patience, String what)
      throws InterruptedException {
    return awaitView(() -> cluster(clusterId), condition, patience, what);
  }

  private static JsonNode awaitView(
      Supplier<JsonNode> read, Predicate<JsonNode> condition, Duration patience, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      var view = read.get();
      if (view != null) {
        last = view;
        if (condition.test(view)) {
          return view;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting until " + what + "; last seen: " + last);
  }

  static int stepsDone(JsonNode campaign) {
    return campaign.at("/counts/stepsCompleted").asInt();
  }

  static String status(JsonNode campaign) {
    return campaign.get("status").asString();
  }

  /** One cluster's run in the campaign. */
  static JsonNode run(JsonNode campaign, String clusterId) {
    for (var cluster : campaign.get("clusters")) {
      if (cluster.get("clusterId").asString().equals(clusterId)) {
        return cluster;
      }
    }
    throw new AssertionError("no cluster " + clusterId + " in " + campaign);
  }
}
