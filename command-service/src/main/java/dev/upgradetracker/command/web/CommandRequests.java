package dev.upgradetracker.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which requests are commands, for every filter that treats commands apart (the rate limit, the
 * bound on commands in flight, idempotency keys): a request to the API by any method but the safe
 * ones (RFC 9110). Judged by the servlet path, which the container has decoded and normalized and
 * which Spring Security authorized and the controllers are matched on; the raw request URI may
 * spell the same path otherwise ({@code /%61pi/...}).
 */
public final class CommandRequests {

  /** Methods that change nothing: never a command, whatever else they ask. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private CommandRequests() {}

  public static boolean isCommand(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod()) && request.getServletPath().startsWith("/api/");
  }

  /** The request's path as the controllers see it: what identifies the resource commanded. */
  public static String path(HttpServletRequest request) {
    return request.getServletPath();
  }
}
