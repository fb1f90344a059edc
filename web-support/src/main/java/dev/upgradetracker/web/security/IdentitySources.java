package dev.upgradetracker.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSAlgorithmFamilyJWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.upgradetracker.messaging.files.SecretFiles;
import dev.upgradetracker.web.identity.ApiTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Who may be proven: the configured API tokens, then JWTs. A service with neither refuses to start:
 * it would otherwise either serve nobody or, worse, somebody by default.
 */
final class IdentitySources {

  private IdentitySources() {}

  static AuthenticationManager of(SecuritySettings settings) {
    var providers = new ArrayList<AuthenticationProvider>();
    var tokens = apiTokens(settings);
    if (!tokens.isEmpty()) {
      providers.add(new ApiTokenAuthenticationProvider(tokens));
    }
    var jwt = settings.jwt();
    if (jwt != null && jwt.configured()) {
      var provider = new JwtAuthenticationProvider(decoder(jwt));
      provider.setJwtAuthenticationConverter(new JwtIdentities(jwt));
      providers.add(provider);
    }
    if (providers.isEmpty()) {
      throw new IllegalStateException(
          "no identities configured: set API_TOKENS or API_TOKENS_FILE (entries"
              + " user:team:roles:sha256), or JWT_JWK_SET_FILE / JWT_JWK_SET_URI; the README's"
              + " Security section shows how. Only the launcher's demo mode makes identities itself");
    }
    return new ProviderManager(providers);
  }

  private static ApiTokens apiTokens(SecuritySettings settings) {
    var text = new StringBuilder(settings.apiTokens() == null ? "" : settings.apiTokens());
    if (!SecuritySettings.isBlank(settings.apiTokensFile())) {
      var file = Path.of(settings.apiTokensFile());
      SecretFiles.requirePrivate(file, "API_TOKENS_FILE");
      try {
        text.append('\n').append(Files.readString(file));
      } catch (IOException e) {
        throw new IllegalStateException("API_TOKENS_FILE " + file + " cannot be read: " + e, e);
      }
    }
    return ApiTokens.parse(text.toString(), "API_TOKENS");
  }

  private static JwtDecoder decoder(SecuritySettings.Jwt jwt) {
    NimbusJwtDecoder decoder;
    if (!SecuritySettings.isBlank(jwt.jwkSetFile())) {
      try {
        var set = JWKSet.load(Path.of(jwt.jwkSetFile()).toFile());
        if (set.getKeys().isEmpty()) {
          throw new IllegalStateException(
              "JWT_JWK_SET_FILE " + jwt.jwkSetFile() + " holds no keys");
        }
        var keys = new ImmutableJWKSet<SecurityContext>(set);
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(JWSAlgorithmFamilyJWSKeySelector.fromJWKSource(keys));
        // the claims are checked by Spring's validators below, as for a JWK set URI
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        decoder = new NimbusJwtDecoder(processor);
      } catch (IOException | ParseException | com.nimbusds.jose.KeySourceException e) {
        throw new IllegalStateException(
            "JWT_JWK_SET_FILE " + jwt.jwkSetFile() + " is no readable JWK set: " + e.getMessage(),
            e);
      }
    } else {
      decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
    }
    decoder.setJwtValidator(validator(jwt));
    return decoder;
  }

  /** Signature aside: not expired, not before its time, with an expiry, from the issuer if set. */
  private static OAuth2TokenValidator<Jwt> validator(SecuritySettings.Jwt jwt) {
    var timely =
        SecuritySettings.isBlank(jwt.issuer())
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(jwt.issuer());
    return new DelegatingOAuth2TokenValidator<>(
        timely, new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
  }
}
