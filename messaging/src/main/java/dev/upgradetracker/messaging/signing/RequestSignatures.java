package dev.upgradetracker.messaging.signing;

import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof that a host action was requested by the command service, and when: an Ed25519 signature
 * over the request's canonical bytes — cluster, host, address, action id, action and its
 * parameters, the depot it installs from where it names one, and the time it was requested (the
 * event's timestamp), as JSON with sorted keys and no whitespace. It travels in two Kafka record
 * headers beside the event, so the event and its hash chain stay as they are.
 */
public final class RequestSignatures {

  /** Record header: the signature, base64. */
  public static final String SIGNATURE_HEADER = "ut-signature";

  /** Record header: the id of the key that made it. */
  public static final String KEY_ID_HEADER = "ut-key-id";

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private RequestSignatures() {}

  /** The bytes signed: everything that decides what runs where. */
  public static byte[] canonical(HostActionRequested request, Instant requestedAt) {
    var tree = CANONICAL.createObjectNode();
    tree.put("requestedAt", requestedAt.toEpochMilli());
    tree.put("clusterId", request.clusterId());
    tree.put("host", request.host());
    tree.put("sshAddress", request.sshAddress());
    tree.put("actionId", request.actionId());
    tree.set("action", Json.MAPPER.valueToTree(request.action()));
    if (request.depot() != null) {
      tree.put("depot", request.depot());
    }
    return CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] sign(PrivateKey key, HostActionRequested request, Instant requestedAt) {
    try {
      var signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(canonical(request, requestedAt));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
    }
  }

  /** True only for a signature {@code key} made over exactly this request. */
  public static boolean verify(
      PublicKey key, HostActionRequested request, Instant requestedAt, byte[] signature) {
    try {
      var verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(canonical(request, requestedAt));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A key's id: the first 16 hex digits of the SHA-256 of its public encoding. */
  public static String keyId(PublicKey key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
