package dev.upgradetracker.command.notification.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: HMAC-SHA256, keyed by the webhook's secret, over the delivery's
 * time (Unix seconds), a dot and the exact body, sent as {@code t=<time>,v1=<hex>}. The time in the
 * signed text lets a receiver refuse an old delivery replayed to it.
 */
public final class WebhookSignature {

  public static final String HEADER = "Upgrade-Tracker-Signature";

  private WebhookSignature() {}

  public static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
  }

  static String hmac(String secret, String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
