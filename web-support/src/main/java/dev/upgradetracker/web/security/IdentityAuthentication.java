package dev.upgradetracker.web.security;

import dev.upgradetracker.web.identity.Identity;
import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request's proven identity, its roles as Spring Security authorities ({@code ROLE_...}). */
final class IdentityAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  /** Transient: requests are authenticated each time (no session), never Java-serialized. */
  private final transient Identity identity;

  IdentityAuthentication(Identity identity) {
    super(
        identity.roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList());
    this.identity = identity;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Identity getPrincipal() {
    return identity;
  }

  @Override
  public String getName() {
    return identity.user();
  }
}
