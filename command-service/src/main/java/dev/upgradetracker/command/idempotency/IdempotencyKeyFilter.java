package dev.upgradetracker.command.idempotency;

import dev.upgradetracker.command.web.CommandRequests;
import dev.upgradetracker.web.Callers;
import dev.upgradetracker.web.http.ProblemWriter;
import dev.upgradetracker.web.http.ReplayableBody;
import dev.upgradetracker.web.security.HttpSecurityConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A command ({@link CommandRequests}) sent with an {@code Idempotency-Key} header is answered once:
 * a repeat gets the first answer again and changes nothing; the same key with another request is
 * refused (422). The key is reserved before the command runs, so two concurrent requests with one
 * key cannot both run.
 */
@Component
// after the bound on commands in flight (ratelimit.CommandsInFlight): a command it turns away has
// not been read and has reserved no key
@Order(HttpSecurityConfiguration.AFTER_SECURITY + 2)
class IdempotencyKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";

  private final StoredResponses responses;
  private final Clock clock = Clock.systemUTC();

  IdempotencyKeyFilter(StoredResponses responses) {
    this.responses = responses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !CommandRequests.isCommand(request) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var key = request.getHeader(HEADER).trim();
    if (key.isEmpty() || key.length() > 255) {
      ProblemWriter.write(
          response,
          400,
          "Invalid Idempotency-Key",
          "the Idempotency-Key header must have 1 to 255 characters");
      return;
    }
    var body = request.getInputStream().readAllBytes();
    var id = Callers.current().user() + "/" + key;
    var hash = hash(request, body);
    var earlier = responses.find(id);
    if (earlier.isPresent()) {
      replay(earlier.get(), hash, response);
      return;
    }
    try {
      responses.reserve(id, hash, clock.instant());
    } catch (DuplicateKeyException concurrentTwin) {
      ProblemWriter.write(
          response,
          409,
          "Request in progress",
          "a request with this Idempotency-Key is being answered; repeat it shortly");
      return;
    }
    var captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new ReplayableBody(request, body), captured);
    } finally {
      remember(id, captured);
      captured.copyBodyToResponse();
    }
  }

  private void remember(String id, ContentCachingResponseWrapper captured) {
    if (captured.getStatus() >= 500) {
      // a server failure is no answer: let the client try again with the same key
      responses.forget(id);
      return;
    }
    responses.answer(
        id,
        captured.getStatus(),
        captured.getContentType(),
        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
  }

  private static void replay(StoredResponse earlier, String hash, HttpServletResponse response)
      throws IOException {
    if (!earlier.requestHash().equals(hash)) {
      ProblemWriter.write(
          response,
          422,
          "Idempotency-Key reused",
          "this Idempotency-Key was used with a different request");
      return;
    }
    if (earlier.status() == StoredResponse.IN_PROGRESS) {
      ProblemWriter.write(
          response,
          409,
          "Request in progress",
          "a request with this Idempotency-Key is being answered; repeat it shortly");
      return;
    }
    response.setStatus(earlier.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (earlier.contentType() != null) {
      response.setContentType(earlier.contentType());
    }
    if (earlier.body() != null) {
      response.getOutputStream().write(earlier.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (request.getMethod() + " " + CommandRequests.path(request) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
