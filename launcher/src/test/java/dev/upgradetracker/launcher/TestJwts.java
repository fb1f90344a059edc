package dev.upgradetracker.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An issuer of JWTs for the tests: its public key is the JWK set the test stacks' services trust
 * ({@code JWT_JWK_SET_FILE}); {@link #stranger()} signs with a key they do not know.
 */
final class TestJwts {

  private static final RSAKey ISSUER = generate("test-issuer");
  private static final RSAKey STRANGER = generate("test-issuer");
  private static Path jwkSetFile;

  private TestJwts() {}

  static synchronized Path jwkSetFile() {
    if (jwkSetFile == null) {
      try {
        jwkSetFile = Files.createTempFile("ut-jwks-", ".json");
        Files.writeString(jwkSetFile, new JWKSet(ISSUER.toPublicJWK()).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jwkSetFile;
  }

  /** A token for {@code user} of {@code team} with {@code roles}, valid for ten minutes. */
  static String valid(String user, String team, String... roles) {
    return sign(ISSUER, user, team, List.of(roles), Instant.now().plus(Duration.ofMinutes(10)));
  }

  /** A token that expired five minutes ago (beyond any clock skew allowed). */
  static String expired(String user, String team, String... roles) {
    return sign(ISSUER, user, team, List.of(roles), Instant.now().minus(Duration.ofMinutes(5)));
  }

  /** A token signed by a key the services do not trust, with the trusted key's id. */
  static String stranger(String user, String team, String... roles) {
    return sign(STRANGER, user, team, List.of(roles), Instant.now().plus(Duration.ofMinutes(10)));
  }

  private static String sign(
      RSAKey key, String user, String team, List<String> roles, Instant expires) {
    var claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .claim("team", team)
            .claim("roles", roles)
            .issueTime(Date.from(expires.minus(Duration.ofMinutes(10))))
            .expirationTime(Date.from(expires))
            .build();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
