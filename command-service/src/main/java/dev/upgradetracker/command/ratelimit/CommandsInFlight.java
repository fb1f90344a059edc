package dev.upgradetracker.command.ratelimit;

import dev.upgradetracker.web.http.ProblemWriter;
import dev.upgradetracker.web.security.HttpSecurityConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Bounds the commands the service works on at once, from every caller together. Past the bound a
 * command waits its turn (first come, first served) for a short while, then is answered 503 with
 * {@code Retry-After} before it is read. Without it an overload queued every command: answers came
 * after the callers had given up, and the work done for them was lost while the queue grew (an
 * open-loop load a little over the machine's rate fell to half of it, README). A semaphore, not a
 * library: the bound is one line of it.
 */
@Component
@Order(HttpSecurityConfiguration.AFTER_SECURITY + 1)
class CommandsInFlight extends CommandFilter {

  private final RateSettings settings;
  private final Semaphore places;

  CommandsInFlight(RateSettings settings) {
    this.settings = settings;
    this.places = new Semaphore(settings.inFlight(), true);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!placeWithinWait()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      ProblemWriter.write(
          response,
          503,
          "Too busy",
          "the command service works on "
              + settings.inFlight()
              + " commands at once and no place came free for this one within "
              + settings.inFlightWait().toMillis()
              + " ms (COMMANDS_IN_FLIGHT, COMMAND_IN_FLIGHT_WAIT); nothing was done, retry after"
              + " 1 s");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.release();
    }
  }

  private boolean placeWithinWait() {
    try {
      return places.tryAcquire(settings.inFlightWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
