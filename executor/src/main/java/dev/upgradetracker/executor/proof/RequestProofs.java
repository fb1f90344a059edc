package dev.upgradetracker.executor.proof;

import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.signing.RequestSignatures;
import dev.upgradetracker.messaging.signing.SigningKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks that a host action request was signed by the command service with a key this executor
 * trusts (the {@code .pub} files of its trusted-keys directory). A key id it does not know makes it
 * read the directory again — a rotated key needs no restart — at most once a second, so forged ids
 * cannot keep it busy. Every unproven request is logged and counted as a security event.
 */
@Component
public class RequestProofs {

  private static final Logger log = LoggerFactory.getLogger(RequestProofs.class);
  private static final Duration REREAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  private final Path trustedKeysDir;
  private final MeterRegistry meters;
  private volatile Map<String, PublicKey> trusted;
  private volatile long lastRead;

  RequestProofs(
      @Value("${upgrade-tracker.executor.trusted-keys-dir}") Path trustedKeysDir,
      MeterRegistry meters) {
    this.trustedKeysDir = trustedKeysDir;
    this.meters = meters;
    this.trusted = SigningKeys.trusted(trustedKeysDir);
    this.lastRead = System.nanoTime();
  }

  public Proof check(HostActionRequested request, Instant requestedAt, Headers headers) {
    var proof = proofOf(request, requestedAt, headers);
    if (proof != Proof.PROVEN) {
      counter(proof).increment();
      log.warn(
          "SECURITY: host action request {} for {} ({}) is {}: nothing is sent",
          request.actionId(),
          request.host(),
          request.sshAddress(),
          proof);
    }
    return proof;
  }

  private Proof proofOf(HostActionRequested request, Instant requestedAt, Headers headers) {
    var signature = headers.lastHeader(RequestSignatures.SIGNATURE_HEADER);
    var keyId = headers.lastHeader(RequestSignatures.KEY_ID_HEADER);
    if (signature == null || keyId == null) {
      return Proof.UNSIGNED;
    }
    var key = key(new String(keyId.value(), StandardCharsets.UTF_8));
    if (key == null) {
      return Proof.UNKNOWN_KEY;
    }
    return RequestSignatures.verify(key, request, requestedAt, signature.value())
        ? Proof.PROVEN
        : Proof.BAD_SIGNATURE;
  }

  private PublicKey key(String keyId) {
    var key = trusted.get(keyId);
    if (key == null && System.nanoTime() - lastRead > REREAD_AT_MOST_EVERY.toNanos()) {
      synchronized (this) {
        trusted = SigningKeys.trusted(trustedKeysDir);
        lastRead = System.nanoTime();
      }
      key = trusted.get(keyId);
    }
    return key;
  }

  private Counter counter(Proof proof) {
    return Counter.builder("upgrade.executor.unproven.requests")
        .description("host action requests refused for want of a valid signature")
        .tag("reason", proof.name().toLowerCase())
        .register(meters);
  }
}
