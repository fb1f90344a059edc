package dev.upgradetracker.command.auth;

import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of the current request. */
public final class CallerResolver {

  private CallerResolver() {}

  public static TeamTokens.Caller of(HttpServletRequest request) {
    return (TeamTokens.Caller) request.getAttribute(BearerTokenFilter.CALLER);
  }
}
