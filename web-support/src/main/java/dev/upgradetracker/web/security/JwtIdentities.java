package dev.upgradetracker.web.security;

import dev.upgradetracker.web.identity.Identity;
import dev.upgradetracker.web.identity.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A verified JWT's claims as an identity; the claims' names are configured. */
final class JwtIdentities implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SecuritySettings.Jwt claims;

  JwtIdentities(SecuritySettings.Jwt claims) {
    this.claims = claims;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    try {
      var user = jwt.getClaimAsString(claims.userClaim());
      var team = jwt.getClaimAsString(claims.teamClaim());
      var roles = EnumSet.noneOf(Role.class);
      switch (jwt.getClaims().get(claims.rolesClaim())) {
        case Collection<?> named -> named.forEach(role -> roles.add(Role.parse(role.toString())));
        case String named when !named.isBlank() ->
            Arrays.stream(named.trim().split("[\\s,]+"))
                .forEach(role -> roles.add(Role.parse(role)));
        case null, default -> {}
      }
      return new IdentityAuthentication(new Identity(user, team, roles));
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException(
          "the token's claims name no valid identity: " + e.getMessage(), e);
    }
  }
}
