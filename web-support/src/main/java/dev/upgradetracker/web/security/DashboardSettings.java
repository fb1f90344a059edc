package dev.upgradetracker.web.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard page, served by the query service, sends the operators' commands to the command
 * service from the browser: a request across origins, which browsers allow only where the command
 * service names the page's origin. Neither is set by default, so no page commands anything until
 * both are.
 *
 * @param commandUrl where the page sends commands (the query service's setting; only its origin is
 *     used, and the page's Content-Security-Policy lets the page connect there and nowhere else)
 * @param origins the pages' origins the command service takes browser requests from (the command
 *     service's setting), e.g. {@code https://upgrades.example.org}
 */
@ConfigurationProperties("upgrade-tracker.dashboard")
public record DashboardSettings(String commandUrl, List<String> origins) {

  public DashboardSettings {
    commandUrl =
        commandUrl == null || commandUrl.isBlank() ? null : originOf(commandUrl, "command-url");
    origins =
        origins == null
            ? List.of()
            : origins.stream()
                .filter(origin -> !origin.isBlank())
                .map(origin -> originOf(origin, "origins"))
                .toList();
  }

  /**
   * A setting's origin, {@code scheme://host[:port]}; anything else (another scheme, a path, a
   * wildcard) stops the service at start with the setting's name.
   */
  static String originOf(String setting, String name) {
    URI uri;
    try {
      uri = URI.create(setting.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(name, setting, "not a URL");
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(name, setting, "needs http:// or https://");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw invalid(name, setting, "needs a host and no user");
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw invalid(name, setting, "is an origin: scheme, host and port only");
    }
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private static IllegalArgumentException invalid(String name, String setting, String why) {
    return new IllegalArgumentException(
        "upgrade-tracker.dashboard." + name + " '" + setting + "' " + why);
  }
}
