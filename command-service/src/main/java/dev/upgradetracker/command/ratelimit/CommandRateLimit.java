package dev.upgradetracker.command.ratelimit;

import dev.upgradetracker.web.Callers;
import dev.upgradetracker.web.http.ProblemWriter;
import dev.upgradetracker.web.security.HttpSecurityConfiguration;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Each user's commands pass through a token bucket of their own: a burst, then a steady rate. One
 * over is answered 429 with {@code Retry-After}, before the command is read, so a runaway script
 * slows only itself.
 */
@Component
@Order(HttpSecurityConfiguration.AFTER_SECURITY)
class CommandRateLimit extends CommandFilter {

  private final RateSettings settings;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  CommandRateLimit(RateSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var user = Callers.current().user();
    var probe = buckets.computeIfAbsent(user, this::newBucket).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemWriter.write(
        response,
        429,
        "Too many commands",
        user
            + " sent more than "
            + settings.burst()
            + " commands at once or "
            + settings.commandsPerSecond()
            + " per second (COMMAND_BURST, COMMANDS_PER_SECOND); retry after "
            + seconds
            + " s");
  }

  private Bucket newBucket(String user) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(settings.burst())
                .refillGreedy(settings.commandsPerSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }
}
