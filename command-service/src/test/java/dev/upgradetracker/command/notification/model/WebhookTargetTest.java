package dev.upgradetracker.command.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {

  private static final List<String> ALLOWED = List.of("hooks.example.org", "*.chat.example.org");

  @Test
  void takesAnHttpOrHttpsUrlToAnAllowedHostOrSubdomain() {
    assertThat(WebhookTarget.problem("https://hooks.example.org/upgrades", ALLOWED)).isEmpty();
    assertThat(WebhookTarget.problem("http://team.chat.example.org:8443/x?y=1", ALLOWED)).isEmpty();
  }

  @Test
  void refusesAHostTheInstallationDoesNotListNamingIt() {
    assertThat(WebhookTarget.problem("http://169.254.169.254/latest/meta-data", ALLOWED))
        .hasValueSatisfying(problem -> assertThat(problem).contains("169.254.169.254"));
    assertThat(WebhookTarget.problem("https://chat.example.org/", ALLOWED)).isPresent();
    assertThat(WebhookTarget.problem("https://evilchat.example.org/", ALLOWED)).isPresent();
    assertThat(WebhookTarget.problem("https://hooks.example.org/", List.of()))
        .hasValueSatisfying(problem -> assertThat(problem).contains("lists none"));
  }

  @Test
  void refusesOtherSchemesUserInformationAndOversizedOrMissingUrls() {
    assertThat(WebhookTarget.problem("file:///etc/passwd", ALLOWED)).isPresent();
    assertThat(WebhookTarget.problem("https://me:pw@hooks.example.org/", ALLOWED))
        .hasValueSatisfying(problem -> assertThat(problem).contains("no user"));
    assertThat(WebhookTarget.problem("https://hooks.example.org/" + "a".repeat(2048), ALLOWED))
        .hasValueSatisfying(problem -> assertThat(problem).contains("2048"));
    assertThat(WebhookTarget.problem(" ", ALLOWED)).contains("is required");
    assertThat(WebhookTarget.problem("https://hooks example.org/", ALLOWED))
        .hasValueSatisfying(problem -> assertThat(problem).contains("not a URL"));
  }
}
