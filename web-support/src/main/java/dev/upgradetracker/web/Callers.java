package dev.upgradetracker.web;

import dev.upgradetracker.web.identity.Identity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The proven identity behind the current request. */
public final class Callers {

  private Callers() {}

  /**
   * The request's identity. Every {@code /api/} request is authenticated before a handler runs, so
   * its absence is a bug, never a reason to act on nobody's behalf.
   */
  public static Identity current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Identity identity) {
      return identity;
    }
    throw new AuthenticationCredentialsNotFoundException("no authenticated identity");
  }
}
