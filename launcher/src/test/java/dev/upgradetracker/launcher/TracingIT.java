package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.TopicScan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller's OpenTelemetry trace goes with its command's events through Kafka to the executor,
 * which runs the host action in it, and comes back with the result and the events it makes: read
 * back from the records' W3C traceparent headers, no collector needed.
 */
@ExtendWith(SharedStack.class)
class TracingIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One record's event or result type, its traceparent header and its value. */
  record Traced(String type, String traceparent) {

    String traceId() {
      return traceparent == null ? null : traceparent.split("-")[1];
    }

    String spanId() {
      return traceparent == null ? null : traceparent.split("-")[2];
    }
  }

  @Test
  void aCommandsTraceGoesThroughKafkaToTheExecutorAndComesBackWithItsResult(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var cluster = "traced-" + team;
    tenant.add(Fleets.cluster(cluster).team(team).guestsPerHost(1, 0).build());
    var trace = hex(16);
    var callersSpan = hex(8);

    var accepted =
        post(
            stack.commandUrl() + "/api/clusters/" + cluster + "/guests/" + cluster + "-g1/move",
            stack.tokenOf(team),
            "00-" + trace + "-" + callersSpan + "-01",
            "{\"toHost\":\"" + cluster + "-h2\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    var kafka = KafkaConnection.plain(stack.kafkaBootstrap());
    List<Traced> events = List.of();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (events.stream().noneMatch(e -> e.type().equals("HostActionSucceeded.v1"))) {
      assertThat(System.nanoTime())
          .as("the action's result in the events: %s", events)
          .isLessThan(deadline);
      Thread.sleep(300);
      events = traced(kafka, stack.topics().events(), cluster);
    }
    var results = traced(kafka, stack.topics().actionResults(), cluster);

    assertThat(events)
        .filteredOn(e -> e.type().equals("HostActionRequested.v1"))
        .isNotEmpty()
        .allSatisfy(
            e -> assertThat(e.traceId()).as("the request, to the executor").isEqualTo(trace));
    assertThat(results)
        .as("the executor's results")
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.traceId()).isEqualTo(trace);
              assertThat(r.spanId()).as("a span of the executor's own").isNotEqualTo(callersSpan);
            });
    assertThat(events)
        .filteredOn(e -> e.type().equals("HostActionSucceeded.v1"))
        .allSatisfy(e -> assertThat(e.traceId()).as("the result, recorded").isEqualTo(trace));
    assertThat(events)
        .as("every event of the move")
        .filteredOn(e -> !e.type().equals("ClusterRegistered.v3"))
        .extracting(Traced::traceId)
        .containsOnly(trace);
  }

  @Test
  void aCampaignsDrivenStepsGoOnInTheTraceItWasStartedIn(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    var cluster = "traced-campaign-" + team;
    tenant.add(Fleets.cluster(cluster).team(team).guestsPerHost(1, 0).build());
    var trace = hex(16);

    var started =
        post(
            stack.commandUrl() + "/api/campaigns",
            stack.tokenOf(team),
            "00-" + trace + "-" + hex(8) + "-01",
            "{\"campaignId\": \"traced-" + team + "\", \"clusterIds\": [\"" + cluster + "\"]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

    var kafka = KafkaConnection.plain(stack.kafkaBootstrap());
    List<Traced> events = List.of();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (events.stream().filter(e -> e.type().equals("HostActionSucceeded.v1")).count() < 2) {
      assertThat(System.nanoTime()).as("two steps' actions done: %s", events).isLessThan(deadline);
      Thread.sleep(300);
      events = traced(kafka, stack.topics().events(), cluster);
    }
    new CampaignClient(stack, team)
        .post("/api/campaigns/traced-" + team + "/abort", "{\"reason\": \"test over\"}");

    assertThat(events)
        .filteredOn(e -> e.type().startsWith("HostAction"))
        .as("the steps the driver started, their requests and results")
        .extracting(Traced::traceId)
        .containsOnly(trace);
  }

  private static HttpResponse<String> post(
      String url, String token, String traceparent, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<Traced> traced(KafkaConnection kafka, String topic, String cluster) {
    var found = new ArrayList<Traced>();
    TopicScan.toEnd(
        kafka,
        List.of(topic),
        (ConsumerRecord<String, String> record) -> {
          if (cluster.equals(record.key())) {
            var json = JSON.readTree(record.value());
            var type = json.has("event") ? json.at("/event/type").asString() : "ActionResult";
            var header = record.headers().lastHeader("traceparent");
            found.add(
                new Traced(
                    type,
                    header == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
          }
        });
    return found;
  }

  private static String hex(int bytes) {
    var random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
