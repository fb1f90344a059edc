package dev.upgradetracker.command.ratelimit;

import dev.upgradetracker.command.web.CommandRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of commands only ({@link CommandRequests}). */
abstract class CommandFilter extends OncePerRequestFilter {

  @Override
  protected final boolean shouldNotFilter(HttpServletRequest request) {
    return !CommandRequests.isCommand(request);
  }
}
