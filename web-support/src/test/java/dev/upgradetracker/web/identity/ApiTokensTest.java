package dev.upgradetracker.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private static final Identity ANNA =
      new Identity("anna", "alpha", EnumSet.of(Role.OPERATOR, Role.APPROVER));

  @Test
  void aTokenIsKnownByItsHashAndNamesItsUserTeamAndRoles() {
    var entry = ApiTokens.entryFor(ANNA, "s3cret-anna");
    var tokens = ApiTokens.parse("# the ops team\n" + entry + "\n", "API_TOKENS");

    assertThat(entry).doesNotContain("s3cret-anna").startsWith("anna:alpha:approver,operator:");
    assertThat(tokens.identify("s3cret-anna")).contains(ANNA);
    assertThat(tokens.identify("s3cret-ann")).isEmpty();
    assertThat(tokens.identify("")).isEmpty();
  }

  @Test
  void entriesMayBeSeparatedBySemicolonsForAnEnvironmentVariable() {
    var auditor = new Identity("audit", "", Set.of(Role.AUDITOR));
    var tokens =
        ApiTokens.parse(
            ApiTokens.entryFor(ANNA, "a") + " ; " + ApiTokens.entryFor(auditor, "b"), "API_TOKENS");

    assertThat(tokens.identify("a")).contains(ANNA);
    assertThat(tokens.identify("b")).contains(auditor);
  }

  @Test
  void aMalformedEntryIsRefusedNamingItsPlaceAndTheFault() {
    var hash = "0".repeat(64);
    assertThatThrownBy(() -> ApiTokens.parse("anna:alpha:operator", "API_TOKENS"))
        .hasMessageContaining("API_TOKENS entry 1")
        .hasMessageContaining("4 fields");
    assertThatThrownBy(() -> ApiTokens.parse("\nanna:alpha:wizard:" + hash, "API_TOKENS"))
        .hasMessageContaining("API_TOKENS entry 2")
        .hasMessageContaining("unknown role 'wizard'");
    assertThatThrownBy(() -> ApiTokens.parse("anna:alpha:operator:plain-token", "API_TOKENS"))
        .hasMessageContaining("SHA-256 in hex")
        .hasMessageNotContaining("plain-token");
    assertThatThrownBy(() -> ApiTokens.parse("anna::operator:" + hash, "API_TOKENS"))
        .hasMessageContaining("has no team");
    assertThatThrownBy(() -> ApiTokens.parse("an na:alpha:operator:" + hash, "API_TOKENS"))
        .hasMessageContaining("letters, digits");
  }

  @Test
  void theTestConfigurationHoldsExactlyTheDemoIdentities() throws IOException {
    var config = Files.readString(Path.of("src/test/resources/config/application.yml"));
    var key = "api-tokens: >-";
    var entries = config.substring(config.indexOf(key) + key.length());
    var tokens = ApiTokens.parse(entries, "config/application.yml");

    var demo = new DemoIdentities(List.of("alpha", "bravo", "charlie"));
    demo.tokens()
        .forEach((identity, token) -> assertThat(tokens.identify(token)).contains(identity));
    assertThat(entries.split(";")).hasSize(demo.tokens().size() + 1);
  }
}
