package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.signing.RequestSignatures;
import dev.upgradetracker.messaging.signing.SigningKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests written straight onto the events topic, as anyone who can write to Kafka could: only
 * what the command service signed reaches a host. The forgeries name a cluster nobody registered
 * (the executor goes by address, not by cluster), so the registered clusters' published histories,
 * which other tests on the shared stack verify, stay as the command service wrote them.
 */
@ExtendWith(SharedStack.class)
class ForgedRequestsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String FORGED_CLUSTER = "registered-nowhere";

  @TempDir Path strangerKeys;

  @Test
  void unsignedBadlySignedUnknownKeyAndReaddressedRequestsSendNothing(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var target =
        tenant.add(Fleets.cluster("forge").team(tenant.newTeam()).guestsPerHost(1, 0).build());
    var victim =
        tenant.add(Fleets.cluster("victim").team(tenant.newTeam()).guestsPerHost(1, 0).build());
    var move =
        new HostActionRequested(
            FORGED_CLUSTER,
            "forged-1",
            "forge-h1",
            target.clusters().getFirst().hosts().getFirst().sshAddress(),
            new HostAction.MoveGuest("forge-g1", "forge-h1", "forge-h2"));
    var readdressed =
        new HostActionRequested(
            move.clusterId(),
            move.actionId(),
            move.host(),
            victim.clusters().getFirst().hosts().getFirst().sshAddress(),
            move.action());
    var signer = SigningKeys.current(stack.signingKeysDir());
    var stranger = SigningKeys.newPair(strangerKeys);
    var now = Instant.now();
    var genuineSignature = RequestSignatures.sign(signer.key(), move, now);
    var flipped = genuineSignature.clone();
    flipped[0] ^= 1;
    double before = unproven(stack);

    send(
        stack,
        List.of(
            RequestRecords.unsigned(stack, move),
            RequestRecords.withSignature(stack, move, now, signer.keyId(), flipped),
            RequestRecords.signed(stack, move, stranger),
            RequestRecords.withSignature(
                stack, readdressed, now, signer.keyId(), genuineSignature)));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (unproven(stack) < before + 4 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(unproven(stack)).as("four security events counted").isEqualTo(before + 4);
    assertThat(stack.simulator().fleet().commandLogOf("forge")).isEmpty();
    assertThat(stack.simulator().fleet().commandLogOf("victim")).isEmpty();
    assertThat(stack.simulator().fleet().violationsOf("victim")).isEmpty();
  }

  @Test
  void aForgeryReusingAPendingActionsIdLeavesThatActionToFinishNormally(SharedStack.Tenant tenant)
      throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("real").team(team).guestsPerHost(1, 0).build());
    var victim =
        tenant.add(Fleets.cluster("victim2").team(tenant.newTeam()).guestsPerHost(1, 0).build());

    var accepted =
        Http.postJson(
            stack.commandUrl() + "/api/clusters/real/guests/real-g1/move",
            stack.tokenOf(team),
            "{\"toHost\":\"real-h2\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    var actionId = JSON.readTree(accepted.body()).get("actionId").asString();
    send(
        stack,
        List.of(
            RequestRecords.unsigned(
                stack,
                new HostActionRequested(
                    FORGED_CLUSTER,
                    actionId,
                    "real-h1",
                    victim.clusters().getFirst().hosts().getFirst().sshAddress(),
                    new HostAction.HaltClusterNodes(List.of("victim2-g1"))))));

    var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    var view = JSON.readTree("{}");
    while (System.nanoTime() < deadline) {
      view =
          JSON.readTree(
              Http.get(stack.queryUrl() + "/api/clusters/real", stack.tokenOf(team)).body());
      if (view.at("/actions/0/status").asString("").equals("SUCCEEDED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(view.at("/actions/0/actionId").asString()).isEqualTo(actionId);
    assertThat(view.at("/actions/0/status").asString()).isEqualTo("SUCCEEDED");
    assertThat(stack.simulator().fleet().guest("real-g1").orElseThrow().node())
        .isEqualTo("real-h2");
    assertThat(stack.simulator().fleet().commandLogOf("victim2")).isEmpty();
  }

  private static void send(Stack stack, List<ProducerRecord<String, EventEnvelope>> records)
      throws Exception {
    try (var producer = KafkaClients.producer(stack.kafka(), "forger", JsonSerde.envelopes())) {
      for (var record : records) {
        producer.send(record).get();
      }
    }
  }

  /** The executor's count of refused requests, all reasons together. */
  private static double unproven(Stack stack) throws Exception {
    return stack.metric("executor", "upgrade_executor_unproven_requests_total");
  }
}
