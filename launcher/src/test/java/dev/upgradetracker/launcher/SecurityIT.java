package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services as a stranger, a wrong caller and a careless insider would try them: disguised
 * paths, missing, wrong, expired and foreign tokens, roles out of their lane, a starter approving
 * its own step, a forged {@code X-User}.
 */
@ExtendWith(SharedStack.class)
class SecurityIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient BROWSER = HttpClient.newHttpClient();

  /** The same path as a client may spell it, each spelling a way round a naive prefix check. */
  private static List<String> disguises(String path) {
    var rest = path.substring("/api/".length());
    return List.of(
        "/%61pi/" + rest,
        "/api;x=y/" + rest,
        "/" + path,
        "/x/.." + path,
        "/api/./" + rest,
        "/api/%2e/" + rest,
        "/API/" + rest,
        "/api%2F" + rest,
        "/api/" + rest.replaceFirst("/", "%2F"));
  }

  @Test
  void noSpellingOfAReadPathAnswersDataWithoutAToken(SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-read").team(team).guestsPerHost(1, 0).build());
    var reads =
        Map.of(
            stack.queryUrl(),
            List.of("/api/clusters", "/api/clusters/sec-read", "/api/clusters/sec-read/history"),
            stack.commandUrl(),
            List.of("/api/verification", "/api/clusters/sec-read/state"));
    assertThat(
            awaitBody(
                stack.queryUrl() + "/api/clusters/sec-read", stack.tokenOf(team), "sec-read-h1"))
        .as("with a token the data is there, so its absence below means something")
        .contains("sec-read-h1");

    var soft = new SoftAssertions();
    for (var service : reads.entrySet()) {
      for (var path : service.getValue()) {
        var plain = raw(service.getKey(), "GET", path, Map.of(), "");
        soft.assertThat(plain.status()).as("GET %s%s", service.getKey(), path).isEqualTo(401);
        for (var disguised : disguises(path)) {
          var answer = raw(service.getKey(), "GET", disguised, Map.of(), "");
          soft.assertThat(answer.status())
              .as("GET %s%s -> %s", service.getKey(), disguised, answer)
              .isIn(400, 401, 404);
          soft.assertThat(answer.body()).as("GET %s", disguised).doesNotContain("sec-read-h1");
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void aCommandInAnySpellingWithoutATokenChangesNothing(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-cmd").team(team).guestsPerHost(1, 0).build());
    var move = "/api/clusters/sec-cmd/guests/sec-cmd-g1/move";
    var body = "{\"toHost\":\"sec-cmd-h2\"}";

    var soft = new SoftAssertions();
    for (var path : concat(move, disguises(move))) {
      var answer = raw(stack.commandUrl(), "POST", path, Map.of(), body);
      soft.assertThat(answer.status()).as("POST %s -> %s", path, answer).isIn(400, 401, 404);
    }
    soft.assertAll();
    var view = Http.get(stack.queryUrl() + "/api/clusters/sec-cmd/history", stack.tokenOf(team));
    assertThat(JSON.readTree(view.body()).get("items")).as("only the registration").hasSize(1);
    assertThat(stack.simulator().fleet().commandLogOf("sec-cmd")).isEmpty();
  }

  @Test
  void aWrongTokenAnExpiredJwtAndAJwtSignedByAnotherKeyAreUnauthenticated(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var clusters = stack.queryUrl() + "/api/clusters";

    assertThat(Http.get(clusters, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(Http.get(clusters, TestJwts.expired("erin", team, "operator")).statusCode())
        .isEqualTo(401);
    assertThat(Http.get(clusters, TestJwts.stranger("erin", team, "operator")).statusCode())
        .isEqualTo(401);
    assertThat(Http.get(clusters, TestJwts.valid("erin", team, "operator")).statusCode())
        .as("the same claims, signed by the trusted key and in time")
        .isEqualTo(200);
    var unauthenticated = Http.get(clusters, "not-a-token");
    assertThat(unauthenticated.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(unauthenticated.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void eachRoleReachesOnlyItsOwnEndpoints(SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var other = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-role").team(team).guestsPerHost(1, 0).build());
    var move = stack.commandUrl() + "/api/clusters/sec-role/guests/sec-role-g1/move";
    var body = "{\"toHost\":\"sec-role-h2\"}";

    var foreign = Http.postJson(move, stack.tokenOf(other), body);
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.body()).contains("R8");
    assertThat(Http.postJson(move, DemoIdentities.AUDITOR_TOKEN, body).statusCode())
        .as("an auditor commands nothing")
        .isEqualTo(403);
    assertThat(Http.postJson(move, stack.approverTokenOf(team), body).statusCode())
        .as("an approver approves, it does not move guests")
        .isEqualTo(403);
    assertThat(
            Http.get(stack.queryUrl() + "/api/clusters", DemoIdentities.METRICS_TOKEN).statusCode())
        .as("a metrics scraper reads no views")
        .isEqualTo(403);
    assertThat(
            Http.get(stack.queryUrl() + "/api/clusters", DemoIdentities.AUDITOR_TOKEN).statusCode())
        .isEqualTo(200);
    for (var service : List.of(stack.commandUrl(), stack.queryUrl(), stack.executorUrl())) {
      var prometheus = service + "/actuator/prometheus";
      assertThat(Http.get(prometheus).statusCode())
          .as("%s without a token", prometheus)
          .isEqualTo(401);
      assertThat(Http.get(prometheus, stack.tokenOf(team)).statusCode())
          .as("%s as an operator", prometheus)
          .isEqualTo(403);
      var scraped = Http.get(prometheus, DemoIdentities.METRICS_TOKEN);
      assertThat(scraped.statusCode()).as("%s as metrics", prometheus).isEqualTo(200);
      assertThat(scraped.body()).contains("jvm_memory_used_bytes");
      for (var probe : List.of("", "/liveness", "/readiness")) {
        assertThat(Http.get(service + "/actuator/health" + probe).statusCode())
            .as("%s/actuator/health%s without a token", service, probe)
            .isEqualTo(200);
      }
    }
    assertThat(stack.simulator().fleet().commandLogOf("sec-role")).isEmpty();
  }

  @Test
  void onlyAnAuditorOrAnAdminStartsAReplay(SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var replays = stack.queryUrl() + "/api/replays";

    assertThat(raw(stack.queryUrl(), "POST", "/api/replays", Map.of(), "").status())
        .as("without a token")
        .isEqualTo(401);
    for (var token : List.of(stack.tokenOf(team), DemoIdentities.METRICS_TOKEN)) {
      var refused = Http.postJson(replays, token, "");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("replayId");
    }
  }

  @Test
  void onlyAnOperatorReleasesAnUpgradeSlotAndOnlyOneANodeHoldsWithAReasonOfBoundedSize(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var release = stack.commandUrl() + "/api/upgrade-slots/sec-slot-h1/release";
    var reason = "{\"reason\":\"host rebuilt by hand\"}";

    assertThat(Http.postJson(release, "", reason).statusCode()).isEqualTo(401);
    assertThat(Http.postJson(release, DemoIdentities.AUDITOR_TOKEN, reason).statusCode())
        .as("an auditor releases nothing")
        .isEqualTo(403);
    assertThat(Http.postJson(release, stack.approverTokenOf(team), reason).statusCode())
        .isEqualTo(403);
    var notHeld = Http.postJson(release, stack.tokenOf(team), reason);
    assertThat(notHeld.statusCode()).as(notHeld.body()).isEqualTo(404);
    assertThat(notHeld.body()).contains("upgrade slot sec-slot-h1 does not exist");
    var oversized = "{\"reason\":\"" + "x".repeat(1001) + "\"}";
    assertThat(Http.postJson(release, stack.tokenOf(team), oversized).statusCode()).isEqualTo(400);
    assertThat(
            Http.postJson(
                    stack.commandUrl() + "/api/upgrade-slots/bad;name/release",
                    stack.tokenOf(team),
                    reason)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void anAdminRegistersAClusterForAnyTeamAndRunsNoHostAction(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var served =
        tenant.simulate(Fleets.cluster("sec-admin").team(team).guestsPerHost(1, 0).build());
    var registered =
        Http.postJson(
            stack.commandUrl() + "/api/clusters",
            DemoIdentities.ADMIN_TOKEN,
            Json.MAPPER.writeValueAsString(served.clusters().getFirst()));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    var moved =
        Http.postJson(
            stack.commandUrl() + "/api/clusters/sec-admin/guests/sec-admin-g1/move",
            DemoIdentities.ADMIN_TOKEN,
            "{\"toHost\":\"sec-admin-h2\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
    var byOperator =
        Http.postJson(
            stack.commandUrl() + "/api/clusters/sec-admin/guests/sec-admin-g1/move",
            stack.tokenOf(team),
            "{\"toHost\":\"sec-admin-h2\"}");
    assertThat(byOperator.statusCode())
        .as("the team owns what the admin registered")
        .isEqualTo(202);
  }

  @Test
  void whoStartedACampaignMayNotApproveItsStepsAnotherApproverOfTheTeamMay(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-4eyes").team(team).guestsPerHost(1, 0).build());
    var dana = TestJwts.valid("dana", team, "operator", "approver");
    var started =
        Http.postJson(
            stack.commandUrl() + "/api/campaigns",
            dana,
            "{\"campaignId\": \"k-4eyes\", \"clusterIds\": [\"sec-4eyes\"], \"approvalGates\": true}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    var client = new CampaignClient(stack, team);
    client.await(
        "k-4eyes",
        c ->
            "upgrade of sec-4eyes-h2 awaits approval"
                .equals(CampaignClient.run(c, "sec-4eyes").get("detail").asString("")),
        Duration.ofMinutes(3),
        "the first node waits for approval");
    var approve = stack.commandUrl() + "/api/campaigns/k-4eyes/clusters/sec-4eyes/approve";

    var ownApproval = Http.postJson(approve, dana, "{\"host\": \"sec-4eyes-h2\"}");
    assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(403);
    assertThat(ownApproval.body()).contains("four eyes", "dana");
    var approved = client.approve("k-4eyes", "sec-4eyes", "sec-4eyes-h2");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    var history =
        JSON.readTree(
            awaitBody(
                stack.queryUrl() + "/api/campaigns/k-4eyes/history",
                stack.tokenOf(team),
                "NodeUpgradeApproved"));
    var users = new ArrayList<String>();
    history
        .get("items")
        .forEach(e -> users.add(e.path("type").asString() + " by " + e.path("user").asString()));
    assertThat(users)
        .contains("CampaignStarted by dana", "NodeUpgradeApproved by " + team + "-approver");
    var byTheDriver =
        history
            .get("items")
            .valueStream()
            .filter(e -> e.path("user").asString().equals("campaign-driver"))
            .toList();
    assertThat(byTheDriver)
        .as("the system acts on behalf of the campaign's starter")
        .isNotEmpty()
        .allMatch(e -> e.path("onBehalfOf").asString().equals("dana"));
  }

  @Test
  void theCommandServiceTakesBrowserRequestsOnlyFromTheDashboardsOrigin(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-cors").team(team).guestsPerHost(1, 0).build());
    var plan = stack.commandUrl() + "/api/clusters/sec-cors/plan";
    var dashboard = stack.queryUrl();

    var preflight = preflight(plan, dashboard);
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(dashboard);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("authorization")
        .containsIgnoringCase("idempotency-key");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
        .as("no cookie is ever an identity")
        .isEmpty();
    var strangerPreflight = preflight(plan, "http://evil.example");
    assertThat(strangerPreflight.statusCode()).isEqualTo(403);
    assertThat(strangerPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    var fromStranger = postFrom("http://evil.example", plan, stack.tokenOf(team));
    assertThat(fromStranger.statusCode())
        .as("a page elsewhere, even holding a stolen token, is refused: %s", fromStranger.body())
        .isEqualTo(403);
    var fromDashboard = postFrom(dashboard, plan, stack.tokenOf(team));
    assertThat(fromDashboard.statusCode()).as(fromDashboard.body()).isEqualTo(200);
    assertThat(fromDashboard.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(dashboard);

    assertThat(Http.get(dashboard + "/").headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("connect-src 'self' " + stack.commandUrl() + ";"));
  }

  @Test
  void theCallerEndpointAndTheApiDescriptionsAnswerReadersOnly(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var me = stack.queryUrl() + "/api/me";

    assertThat(Http.get(me).statusCode()).isEqualTo(401);
    assertThat(Http.get(me, DemoIdentities.METRICS_TOKEN).statusCode()).isEqualTo(403);
    var lead = JSON.readTree(Http.get(me, stack.leadTokenOf(team)).body());
    assertThat(lead.get("user").asString()).isEqualTo(team + "-lead");
    assertThat(lead.get("team").asString()).isEqualTo(team);
    assertThat(lead.get("roles").toString()).isEqualTo("[\"OPERATOR\",\"APPROVER\"]");
    assertThat(lead.get("commandUrl").asString()).isEqualTo(stack.commandUrl());
    for (var service : List.of(stack.commandUrl(), stack.queryUrl())) {
      assertThat(Http.get(service + "/v3/api-docs", DemoIdentities.METRICS_TOKEN).statusCode())
          .as("%s's API description for a metrics scraper", service)
          .isEqualTo(403);
    }
  }

  private static HttpResponse<String> preflight(String url, String origin) throws Exception {
    return BROWSER.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postFrom(String origin, String url, String token)
      throws Exception {
    return BROWSER.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Origin", origin)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCommandRecordsTheUserItsTokenProvesNotTheXUserItClaims(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("sec-who").team(team).guestsPerHost(1, 0).build());

    var moved =
        raw(
            stack.commandUrl(),
            "POST",
            "/api/clusters/sec-who/guests/sec-who-g1/move",
            Map.of(
                "Authorization", "Bearer " + TestJwts.valid("frank", team, "operator"),
                "X-User", "someone-else",
                "Content-Type", "application/json"),
            "{\"toHost\":\"sec-who-h2\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(202);

    var history =
        JSON.readTree(
            awaitBody(
                stack.queryUrl() + "/api/clusters/sec-who/history",
                stack.tokenOf(team),
                "HostActionRequested"));
    var requested =
        history
            .get("items")
            .valueStream()
            .filter(e -> e.path("type").asString().equals("HostActionRequested"))
            .findFirst()
            .orElseThrow();
    assertThat(requested.path("user").asString()).isEqualTo("frank");
    assertThat(requested.path("team").asString()).isEqualTo(team);
  }

  /** The answer's body once it contains {@code wanted}: the views follow the commands. */
  private static String awaitBody(String url, String token, String wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    var body = "";
    while (System.nanoTime() < deadline) {
      body = Http.get(url, token).body();
      if (body.contains(wanted)) {
        return body;
      }
      Thread.sleep(100);
    }
    return body;
  }

  private static List<String> concat(String first, List<String> rest) {
    var all = new ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  record Answer(int status, String body) {}

  /**
   * Sends the request line exactly as given: HTTP clients normalize paths, which is just what a
   * stranger's request would not do.
   */
  private static Answer raw(
      String baseUrl, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    var uri = URI.create(baseUrl);
    try (var socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      var bytes = body.getBytes(StandardCharsets.UTF_8);
      var request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request
          .append("Host: ")
          .append(uri.getHost())
          .append(':')
          .append(uri.getPort())
          .append("\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (!headers.containsKey("Content-Type") && bytes.length > 0) {
        request.append("Content-Type: application/json\r\n");
      }
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
      request.append("Connection: close\r\n\r\n");
      var out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    var text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    var statusLine = text.lines().findFirst().orElse("");
    var parts = statusLine.split(" ");
    int status = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    int bodyStart = text.indexOf("\r\n\r\n");
    return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
  }
}
