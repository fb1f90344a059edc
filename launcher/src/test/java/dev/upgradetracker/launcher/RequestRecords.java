package dev.upgradetracker.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.signing.RequestSignatures;
import dev.upgradetracker.messaging.signing.SigningKeys;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Host action requests as records on a stack's events topic, signed or not, for tests to write. */
final class RequestRecords {

  private RequestRecords() {}

  static ProducerRecord<String, EventEnvelope> unsigned(Stack stack, HostActionRequested request) {
    return unsigned(stack, request, Instant.now());
  }

  private static ProducerRecord<String, EventEnvelope> unsigned(
      Stack stack, HostActionRequested request, Instant requestedAt) {
    return new ProducerRecord<>(
        stack.topics().events(),
        request.clusterId(),
        new EventEnvelope(
            UUID.randomUUID().toString(),
            request.clusterId(),
            1,
            requestedAt,
            "test",
            "test",
            null,
            "test",
            "test",
            request,
            null,
            null));
  }

  /** Carrying {@code signature} by {@code keyId}, whatever it was made for. */
  static ProducerRecord<String, EventEnvelope> withSignature(
      Stack stack,
      HostActionRequested request,
      Instant requestedAt,
      String keyId,
      byte[] signature) {
    var record = unsigned(stack, request, requestedAt);
    record.headers().add(RequestSignatures.KEY_ID_HEADER, keyId.getBytes(UTF_8));
    record.headers().add(RequestSignatures.SIGNATURE_HEADER, signature);
    return record;
  }

  static ProducerRecord<String, EventEnvelope> signed(
      Stack stack, HostActionRequested request, SigningKeys.Signer signer) {
    var now = Instant.now();
    return withSignature(
        stack, request, now, signer.keyId(), RequestSignatures.sign(signer.key(), request, now));
  }
}
