package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's webhook receives, signed, each kind of notification of a real campaign once — and again
 * after its first answer to one was a failure; every delivery is visible with its attempts.
 */
@ExtendWith(SharedStack.class)
class WebhooksIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** One request as the receiver saw it, and what it answered. */
  record Received(String delivery, String signature, String body, int answered) {

    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  @Test
  void aTeamsWebhookGetsEachKindOnceSignedAndAgainAfterAFailedDelivery(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var clusterId = "hook-" + team;
    var cluster = Fleets.cluster(clusterId).team(team).guestsPerHost(1, 1).build();
    tenant.add(cluster);
    // the receiver is down the first time it is told of an approval
    var receiver = Receiver.start(body -> body.contains("APPROVAL_NEEDED"));
    var received = receiver.received;
    try {
      var created =
          put(
              stack,
              stack.tokenOf(team),
              "ops",
              "{\"url\": \""
                  + receiver.url()
                  + "\", \"kinds\": [\"APPROVAL_NEEDED\", \"STEP_FAILED\", \"CAMPAIGN_FINISHED\"]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      var secret = JSON.readTree(created.body()).get("secret").asString();
      assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

      cluster
          .hosts()
          .forEach(
              host -> stack.simulator().faults().add(Fault.fail(host.name(), "^update-ux", 9)));
      var client = new CampaignClient(stack, team);
      var campaignId = "hooked-" + team;
      client.start(
          "{\"campaignId\": \""
              + campaignId
              + "\", \"clusterIds\": [\""
              + clusterId
              + "\"],"
              + " \"approvalGates\": true}");
      var waiting =
          client.await(
              campaignId,
              c ->
                  CampaignClient.run(c, clusterId)
                      .at("/waiting/kind")
                      .asString("")
                      .equals("APPROVAL"),
              PATIENCE,
              "the approval asked");
      var host = CampaignClient.run(waiting, clusterId).at("/waiting/host").asString();
      assertThat(client.approve(campaignId, clusterId, host).statusCode()).isEqualTo(200);
      client.await(
          campaignId, c -> CampaignClient.status(c).equals("STOPPED"), PATIENCE, "it stopped");

      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (kindsDelivered(received).size() < 3) {
        assertThat(System.nanoTime())
            .as("each kind delivered; received: %s", received)
            .isLessThan(deadline);
        Thread.sleep(200);
      }
      Thread.sleep(3_000); // a repeat would come within the first retry's wait
      var delivered = received.stream().filter(r -> r.answered() == 204).toList();
      assertThat(delivered.stream().map(r -> r.json().get("kind").asString()))
          .as("each kind exactly once")
          .containsExactlyInAnyOrder("APPROVAL_NEEDED", "STEP_FAILED", "CAMPAIGN_FINISHED");
      assertThat(delivered.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(3);
      for (var request : received) {
        assertThat(request.json().get("team").asString()).isEqualTo(team);
        assertThat(request.json().get("campaignId").asString()).isEqualTo(campaignId);
        assertThat(verifies(secret, request)).as("signed: %s", request).isTrue();
      }
      var approvals = received.stream().filter(r -> r.body().contains("APPROVAL_NEEDED")).toList();
      assertThat(approvals).extracting(Received::answered).containsExactly(503, 204);
      assertThat(approvals.get(0).delivery()).isEqualTo(approvals.get(1).delivery());
      assertThat(approvals.get(0).body()).isEqualTo(approvals.get(1).body());
      assertThat(approvals.get(0).json().get("host").asString()).isEqualTo(host);
      var failed = delivered.stream().filter(r -> r.body().contains("STEP_FAILED")).findFirst();
      assertThat(failed.orElseThrow().json().get("summary").asString()).contains("UpgradeNode");

      var deliveries = get(stack, stack.tokenOf(team), "/api/webhooks/ops/deliveries");
      assertThat(deliveries.statusCode()).isEqualTo(200);
      var rows = JSON.readTree(deliveries.body());
      assertThat(rows).hasSize(3);
      for (var row : rows) {
        assertThat(row.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(row.get("lastStatus").asInt()).isEqualTo(204);
      }
      var approvalRow =
          rows.valueStream()
              .filter(r -> r.get("kind").asString().equals("APPROVAL_NEEDED"))
              .findFirst()
              .orElseThrow();
      assertThat(approvalRow.get("attempts").asInt()).isEqualTo(2);
      assertThat(approvalRow.get("lastError").asString()).contains("503");
    } finally {
      receiver.stop();
      cluster
          .hosts()
          .forEach(
              host -> stack.simulator().faults().remove(Fault.fail(host.name(), "^update-ux", 9)));
    }
  }

  @Test
  void aStepPastThreeTimesItsCommandsUsualDurationIsToldAsStuckOnceAndShownSo(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var clusterId = "stuck-" + team;
    tenant.add(Fleets.cluster(clusterId).team(team).guestsPerHost(1, 1).build());
    var receiver = Receiver.start(body -> false);
    var client = new CampaignClient(stack, team);
    var plan = JSON.readTree(client.post("/api/clusters/" + clusterId + "/plan", "{}").body());
    var second = plan.at("/nodeOrder/1").asString();
    // the first node's backup is the command's usual; the second node's never ends
    var hang = Fault.hang(second, "/backup-host$");
    stack.simulator().faults().add(hang);
    var campaignId = "overdue-" + team;
    try {
      var created =
          put(
              stack,
              stack.tokenOf(team),
              "pager",
              "{\"url\": \"" + receiver.url() + "\", \"kinds\": [\"STUCK\"]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      client.start(
          "{\"campaignId\": \"" + campaignId + "\", \"clusterIds\": [\"" + clusterId + "\"]}");

      var stuck =
          client.await(
              campaignId,
              c ->
                  CampaignClient.run(c, clusterId).at("/waiting/kind").asString("").equals("STUCK"),
              PATIENCE,
              "the hung step shown as stuck");
      var wait = CampaignClient.run(stuck, clusterId).get("waiting");
      assertThat(wait.get("host").asString()).isEqualTo(second);
      assertThat(wait.get("command").asString()).isEqualTo("BackUpHost");
      assertThat(wait.get("usual").asString()).startsWith("PT");
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (receiver.received.isEmpty()) {
        assertThat(System.nanoTime()).as("the stuck step told").isLessThan(deadline);
        Thread.sleep(200);
      }
      Thread.sleep(3_000); // the watch looks every second: a second telling would be here by now
      assertThat(receiver.received).hasSize(1);
      var told = receiver.received.getFirst().json();
      assertThat(told.get("kind").asString()).isEqualTo("STUCK");
      assertThat(told.get("host").asString()).isEqualTo(second);
      assertThat(told.get("summary").asString()).contains("BackUpHost").contains("stuck?");
    } finally {
      stack.simulator().faults().remove(hang);
      client.post("/api/campaigns/" + campaignId + "/abort", "{\"reason\": \"test over\"}");
      receiver.stop();
    }
  }

  @Test
  void onlyTheTeamsOperatorRegistersAWebhookToAnAllowedHostOfBoundedSize(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var other = tenant.newTeam();
    var body = "{\"url\": \"http://127.0.0.1:9/x\", \"kinds\": [\"STEP_FAILED\"]}";

    assertThat(put(stack, null, "mine", body).statusCode()).isEqualTo(401);
    assertThat(put(stack, DemoIdentities.AUDITOR_TOKEN, "mine", body).statusCode()).isEqualTo(403);
    assertThat(put(stack, stack.approverTokenOf(team), "mine", body).statusCode()).isEqualTo(403);
    var inside = put(stack, stack.tokenOf(team), "mine", "{\"url\": \"http://10.0.0.7/x\"}");
    assertThat(inside.statusCode()).isEqualTo(400);
    assertThat(inside.body()).contains("10.0.0.7").contains("WEBHOOK_ALLOWED_HOSTS");
    var huge =
        put(
            stack,
            stack.tokenOf(team),
            "mine",
            "{\"url\": \"http://127.0.0.1/" + "a".repeat(3000) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(400);
    var unknownKind =
        put(
            stack,
            stack.tokenOf(team),
            "mine",
            "{\"url\": \"http://127.0.0.1/\", \"kinds\": [\"ALL\"]}");
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(put(stack, stack.tokenOf(team), "bad name!", body).statusCode()).isEqualTo(400);

    assertThat(put(stack, stack.tokenOf(team), "mine", body).statusCode()).isEqualTo(201);
    var again = put(stack, stack.tokenOf(team), "mine", body);
    assertThat(again.statusCode()).as("a change, answered without the secret").isEqualTo(200);
    assertThat(again.body()).doesNotContain("secret");
    assertThat(get(stack, stack.tokenOf(team), "/api/webhooks").body())
        .contains("\"name\":\"mine\"")
        .doesNotContain("whsec_");
    assertThat(get(stack, stack.tokenOf(other), "/api/webhooks").body())
        .as("another team sees none of it")
        .doesNotContain("\"mine\"");
    assertThat(get(stack, stack.tokenOf(other), "/api/webhooks/mine/deliveries").statusCode())
        .isEqualTo(404);
    assertThat(
            get(stack, DemoIdentities.AUDITOR_TOKEN, "/api/webhooks/mine/deliveries?team=" + team)
                .statusCode())
        .isEqualTo(200);
    assertThat(delete(stack, stack.tokenOf(other), "mine").statusCode()).isEqualTo(404);
    assertThat(delete(stack, stack.tokenOf(team), "mine").statusCode()).isEqualTo(204);
    assertThat(get(stack, stack.tokenOf(team), "/api/webhooks").body()).doesNotContain("\"mine\"");
  }

  /** A webhook receiver: answers 204, but 503 the first time a body matches {@code failFirst}. */
  private record Receiver(HttpServer server, List<Received> received) {

    static Receiver start(Predicate<String> failFirst) throws IOException {
      var received = new CopyOnWriteArrayList<Received>();
      var failedOnce = new AtomicBoolean();
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks",
          exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.test(body) && failedOnce.compareAndSet(false, true) ? 503 : 204;
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Upgrade-Tracker-Delivery"),
                    exchange.getRequestHeaders().getFirst("Upgrade-Tracker-Signature"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return new Receiver(server, received);
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void stop() {
      server.stop(0);
    }
  }

  private static boolean verifies(String secret, Received request) throws GeneralSecurityException {
    var parts =
        List.of(request.signature().split(",")).stream()
            .collect(
                Collectors.toMap(
                    p -> p.substring(0, p.indexOf('=')), p -> p.substring(p.indexOf('=') + 1)));
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal(
                    (parts.get("t") + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
    return expected.equals(parts.get("v1"));
  }

  private static List<String> kindsDelivered(List<Received> received) {
    return received.stream()
        .filter(r -> r.answered() == 204)
        .map(r -> r.json().get("kind").asString())
        .distinct()
        .toList();
  }

  private static HttpResponse<String> put(Stack stack, String token, String name, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    stack.commandUrl()
                        + "/api/webhooks/"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> delete(Stack stack, String token, String name)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/webhooks/" + name))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(Stack stack, String token, String path)
      throws IOException, InterruptedException {
    return Http.get(stack.commandUrl() + path, token);
  }
}
