package dev.upgradetracker.command.notification.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may send: an http(s) URL without user info whose host the installation allows (a
 * name, or {@code *.example.org} for its subdomains). The service holds root SSH to the fleet, so
 * it does not post to whatever address a caller names inside the network.
 */
public final class WebhookTarget {

  public static final int MAX_URL_LENGTH = 2048;

  private WebhookTarget() {}

  /** What is wrong with {@code url}, or nothing. */
  public static Optional<String> problem(String url, List<String> allowedHosts) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a URL: " + e.getMessage());
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be http:// or https://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Optional.of("needs a host and no user information");
    }
    var host = uri.getHost().toLowerCase(Locale.ROOT);
    if (allowedHosts.stream().noneMatch(allowed -> matches(host, allowed))) {
      return Optional.of(
          "goes to "
              + host
              + ", which WEBHOOK_ALLOWED_HOSTS does not list"
              + (allowedHosts.isEmpty() ? " (it lists none)" : " (" + allowedHosts + ")"));
    }
    return Optional.empty();
  }

  private static boolean matches(String host, String allowed) {
    var pattern = allowed.trim().toLowerCase(Locale.ROOT);
    return pattern.startsWith("*.")
        ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
        : host.equals(pattern);
  }
}
