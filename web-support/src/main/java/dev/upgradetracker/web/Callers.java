package dev.upgradetracker.web;

import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of the current request, as {@link BearerTokenFilter} found it. */
public final class Callers {

  private Callers() {}

  public static Caller of(HttpServletRequest request) {
    return (Caller) request.getAttribute(BearerTokenFilter.CALLER);
  }
}
