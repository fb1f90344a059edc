package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The largest input each service accepts, and how much of it one caller may take at once. */
@ExtendWith(SharedStack.class)
class LimitsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int TWO_MIB = 2 * 1024 * 1024;

  @Test
  void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead(SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var huge = "{\"id\":\"" + "x".repeat(TWO_MIB) + "\"}";

    var declared = Http.postJson(stack.commandUrl() + "/api/clusters", stack.tokenOf(team), huge);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(declared.body()).contains("MAX_REQUEST_BODY");

    var chunked =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/clusters"))
                .header("Authorization", "Bearer " + stack.tokenOf(team))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("sent without a length").isEqualTo(413);

    var replay =
        Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.AUDITOR_TOKEN, huge);
    assertThat(replay.statusCode()).as("the query service too").isEqualTo(413);
    assertThat(Http.get(stack.queryUrl() + "/api/teams/" + team, stack.tokenOf(team)).statusCode())
        .as("nothing was registered")
        .isEqualTo(404);
  }

  @Test
  void aHostInventoryIsHeldToTheImportLimitNotTheRequestLimit(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var host = "{\"name\":\"lim-h1\",\"sshAddress\":\"lim-h1:22\",\"team\":\"lim\"}";
    var padded = "{\"hosts\":[" + host + "],\"padding\":\"" + "x".repeat(TWO_MIB) + "\"}";
    var overTheImportLimit = "{\"padding\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";

    var read =
        Http.postJson(stack.commandUrl() + "/api/hosts/import", DemoIdentities.ADMIN_TOKEN, padded);
    var refused =
        Http.postJson(
            stack.commandUrl() + "/api/hosts/import",
            DemoIdentities.ADMIN_TOKEN,
            overTheImportLimit);

    assertThat(read.statusCode())
        .as("2 MiB is within MAX_IMPORT_BODY: read, then refused for its unknown field")
        .isEqualTo(400);
    assertThat(read.body()).contains("#/padding");
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("MAX_IMPORT_BODY");
    assertThat(
            Http.get(stack.commandUrl() + "/api/hosts/lim-h1", DemoIdentities.AUDITOR_TOKEN)
                .statusCode())
        .as("nothing was assigned")
        .isEqualTo(404);
  }

  @Test
  void aBurstOfCommandsOverTheCallersRateGets429WithRetryAfter(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var token = TestJwts.valid("burst-user", team, "operator");
    var answers = Collections.synchronizedList(new ArrayList<HttpResponse<String>>());
    try (var pool = Executors.newFixedThreadPool(16)) {
      var sent = new ArrayList<Future<?>>();
      for (int i = 0; i < 1_500; i++) {
        sent.add(
            pool.submit(
                () ->
                    answers.add(
                        Http.postJson(
                            stack.commandUrl() + "/api/clusters/no-such-cluster/hosts/h1/rejoin",
                            token,
                            "{}"))));
      }
      for (var future : sent) {
        future.get();
      }
    }
    var limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(limited).as("more than the burst of 500 and 50/s").isNotEmpty();
    assertThat(limited.getFirst().headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(limited.getFirst().body()).contains("burst-user", "COMMANDS_PER_SECOND");
    assertThat(answers).filteredOn(r -> r.statusCode() != 429).allMatch(r -> r.statusCode() == 404);
    var otherUser =
        Http.postJson(
            stack.commandUrl() + "/api/clusters/no-such-cluster/hosts/h1/rejoin",
            stack.tokenOf(team),
            "{}");
    assertThat(otherUser.statusCode()).as("another caller is not slowed").isEqualTo(404);
  }

  @Test
  void aCallerHoldsAtMostEightLiveStreamsTheNinthGets429(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var token = TestJwts.valid("watcher", team, "operator");
    var open = new ArrayList<HttpResponse<InputStream>>();
    try {
      for (int i = 0; i < 8; i++) {
        var stream = stream(stack, token);
        assertThat(stream.statusCode()).isEqualTo(200);
        open.add(stream);
      }
      var ninth = stream(stack, token);
      assertThat(ninth.statusCode()).isEqualTo(429);
      assertThat(ninth.headers().firstValue("Retry-After")).isPresent();
      ninth.body().close();
      var otherCaller = stream(stack, stack.tokenOf(team));
      assertThat(otherCaller.statusCode()).as("another caller still may").isEqualTo(200);
      open.add(otherCaller);
    } finally {
      for (var stream : open) {
        stream.body().close();
      }
    }
  }

  @Test
  void oneReplayRunsAtATimeASecondIsRefusedNamingTheFirst(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var first = Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.AUDITOR_TOKEN, "");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    var replayId = JSON.readTree(first.body()).get("replayId").asString();

    var second = Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.ADMIN_TOKEN, "");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains(replayId);

    assertThat(awaitEnd(stack, replayId)).isEqualTo("DONE");
    var afterwards =
        Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.AUDITOR_TOKEN, "");
    assertThat(afterwards.statusCode()).as("once it ended, another may run").isEqualTo(202);
    assertThat(awaitEnd(stack, JSON.readTree(afterwards.body()).get("replayId").asString()))
        .isEqualTo("DONE");
  }

  private static String awaitEnd(Stack stack, String replayId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String status;
    do {
      Thread.sleep(200);
      var report =
          Http.get(stack.queryUrl() + "/api/replays/" + replayId, DemoIdentities.AUDITOR_TOKEN);
      status = JSON.readTree(report.body()).get("status").asString();
    } while (status.equals("RUNNING") && System.nanoTime() < deadline);
    return status;
  }

  @Test
  void theDashboardCarriesAContentSecurityPolicyAllowingItsOwnFilesOnly(SharedStack.Tenant tenant)
      throws Exception {
    var page = Http.get(tenant.stack().queryUrl() + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'"));
    assertThat(page.body()).doesNotContain("style=", "<script>");
  }

  private static HttpResponse<InputStream> stream(Stack stack, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/live/fleet"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }
}
