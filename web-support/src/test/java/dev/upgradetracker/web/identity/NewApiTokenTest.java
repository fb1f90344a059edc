package dev.upgradetracker.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewApiTokenTest {

  @TempDir Path dir;

  @Test
  void eachNewTokenIsRandomLongAndSafeInHeadersShellsAndEnvFiles() {
    var one = NewApiToken.newToken();
    var other = NewApiToken.newToken();

    assertThat(one).isNotEqualTo(other).startsWith("ut_").hasSize(46).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void entriesAddUpInTheEnvFilesApiTokensWhichOnlyItsOwnerCanRead() throws IOException {
    var env = dir.resolve("identities.env");
    Files.writeString(env, "JWT_ISSUER=https://idp\n");
    var anna = new Identity("anna", "alpha", Set.of(Role.OPERATOR));
    var audit = new Identity("audit", "", Set.of(Role.AUDITOR));

    NewApiToken.addTo(env, ApiTokens.entryFor(anna, "t1"));
    NewApiToken.addTo(env, ApiTokens.entryFor(audit, "t2"));

    var lines = Files.readAllLines(env);
    assertThat(lines).hasSize(2).first().isEqualTo("JWT_ISSUER=https://idp");
    var tokens = ApiTokens.parse(lines.get(1).substring("API_TOKENS=".length()), "API_TOKENS");
    assertThat(tokens.identify("t1")).contains(anna);
    assertThat(tokens.identify("t2")).contains(audit);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
  }
}
