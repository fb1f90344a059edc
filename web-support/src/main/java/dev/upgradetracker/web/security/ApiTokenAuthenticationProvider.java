package dev.upgradetracker.web.security;

import dev.upgradetracker.web.identity.ApiTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A bearer token that is one of the configured API tokens. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

  private final ApiTokens tokens;

  ApiTokenAuthenticationProvider(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var token = ((BearerTokenAuthenticationToken) authentication).getToken();
    return tokens
        .identify(token)
        .map(IdentityAuthentication::new)
        .orElseThrow(() -> new InvalidBearerTokenException("unknown token"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
