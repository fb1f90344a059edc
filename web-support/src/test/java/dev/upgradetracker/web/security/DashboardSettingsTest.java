package dev.upgradetracker.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class DashboardSettingsTest {

  @Test
  void withNothingSetThePageConnectsOnlyToItsOwnServiceAndNoOriginPasses() {
    var dashboard = new DashboardSettings(null, null);

    assertThat(HttpSecurityConfiguration.contentSecurityPolicy(dashboard))
        .contains("connect-src 'self';");
    assertThat(
            HttpSecurityConfiguration.dashboardOrigins(dashboard)
                .getCorsConfiguration(new MockHttpServletRequest()))
        .isNull();
  }

  @Test
  void thePageMayConnectToTheCommandServicesOriginOnly() {
    var dashboard = new DashboardSettings("http://127.0.0.1:8081/", List.of());

    assertThat(dashboard.commandUrl()).isEqualTo("http://127.0.0.1:8081");
    assertThat(HttpSecurityConfiguration.contentSecurityPolicy(dashboard))
        .contains("connect-src 'self' http://127.0.0.1:8081;");
  }

  @Test
  void theCommandServiceTakesBrowserRequestsFromTheNamedOriginsWithoutCookies() {
    var dashboard =
        new DashboardSettings(null, List.of("https://Upgrades.example.org", " ", "http://a:8082"));

    var cors =
        HttpSecurityConfiguration.dashboardOrigins(dashboard)
            .getCorsConfiguration(new MockHttpServletRequest());

    assertThat(cors.getAllowedOrigins())
        .containsExactly("https://upgrades.example.org", "http://a:8082");
    assertThat(cors.checkOrigin("https://evil.example.org")).isNull();
    assertThat(cors.getAllowCredentials()).isFalse();
    assertThat(cors.getAllowedHeaders()).contains("Authorization", "Idempotency-Key");
  }

  @Test
  void refusesAWildcardAPathOrAnotherSchemeNamingTheSetting() {
    assertThatThrownBy(() -> new DashboardSettings(null, List.of("*")))
        .hasMessageContaining("upgrade-tracker.dashboard.origins '*'");
    assertThatThrownBy(() -> new DashboardSettings("http://host:8081/api", null))
        .hasMessageContaining("command-url")
        .hasMessageContaining("origin");
    assertThatThrownBy(() -> new DashboardSettings("ftp://host", null))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> new DashboardSettings("http://user@host", null))
        .hasMessageContaining("no user");
  }
}
