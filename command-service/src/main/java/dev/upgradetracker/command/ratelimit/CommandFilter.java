package dev.upgradetracker.command.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of commands only: every request to the API that is not a read. */
abstract class CommandFilter extends OncePerRequestFilter {

  @Override
  protected final boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || !request.getServletPath().startsWith("/api/");
  }
}
