package dev.upgradetracker.web.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.upgradetracker.messaging.files.SecretFiles;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitySourcesTest {

  private static final SecuritySettings.Jwt NO_JWT =
      new SecuritySettings.Jwt("", "", "", "sub", "team", "roles");

  @TempDir Path dir;

  @Test
  void aServiceWithoutAnyIdentitySourceRefusesToStartAndSaysHowToSetOne() {
    assertThatThrownBy(() -> IdentitySources.of(new SecuritySettings("", "", NO_JWT)))
        .hasMessageContaining("no identities configured")
        .hasMessageContaining("API_TOKENS")
        .hasMessageContaining("JWT_JWK_SET_FILE");
  }

  @Test
  void aTokenFileOthersMayReadIsRefusedNamingIt() throws IOException {
    var file = dir.resolve("tokens");
    Files.writeString(file, new DemoIdentities(List.of("alpha")).entries());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> IdentitySources.of(new SecuritySettings("", file.toString(), NO_JWT)))
        .hasMessageContaining("API_TOKENS_FILE " + file)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aPrivateTokenFileOrAJwkSetIsEnough() throws Exception {
    var file = dir.resolve("tokens");
    SecretFiles.write(file, new DemoIdentities(List.of("alpha")).entries());
    var keys = dir.resolve("jwks.json");
    var key = new RSAKeyGenerator(2048).keyID("k1").generate();
    Files.writeString(keys, new JWKSet(key.toPublicJWK()).toString());

    assertThatCode(() -> IdentitySources.of(new SecuritySettings("", file.toString(), NO_JWT)))
        .doesNotThrowAnyException();
    assertThatCode(() -> IdentitySources.of(trustingJwkSet(keys))).doesNotThrowAnyException();
  }

  @Test
  void aJwkSetWithoutKeysIsRefused() throws IOException {
    var keys = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");

    assertThatThrownBy(() -> IdentitySources.of(trustingJwkSet(keys)))
        .hasMessageContaining("JWT_JWK_SET_FILE " + keys + " holds no keys");
  }

  @Test
  void aJwkSetFileThatIsNoJwkSetIsRefusedNamingIt() throws IOException {
    var keys = Files.writeString(dir.resolve("jwks.json"), "not json");

    assertThatThrownBy(() -> IdentitySources.of(trustingJwkSet(keys)))
        .hasMessageContaining("JWT_JWK_SET_FILE " + keys);
  }

  private static SecuritySettings trustingJwkSet(Path keys) {
    return new SecuritySettings(
        "", "", new SecuritySettings.Jwt(keys.toString(), "", "", "sub", "team", "roles"));
  }
}
