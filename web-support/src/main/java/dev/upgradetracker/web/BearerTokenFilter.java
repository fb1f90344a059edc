package dev.upgradetracker.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Every API request names its caller with a bearer token; auditors may only read. */
public final class BearerTokenFilter implements Filter {

  static final String CALLER = BearerTokenFilter.class.getName() + ".caller";

  private final TeamTokens tokens;

  static final String LIVE_STREAMS = "/api/live/";

  /** Replaying the views into a throwaway copy to compare them changes nothing: auditors may. */
  static final String REPLAYS = "/api/replays";

  public BearerTokenFilter(TeamTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * The bearer token; live streams may carry it as {@code access_token} instead, because a
   * browser's EventSource cannot send headers.
   */
  private static String token(HttpServletRequest request) {
    var header = request.getHeader("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return header.substring(7).trim();
    }
    var query = request.getParameter("access_token");
    return query != null && request.getRequestURI().startsWith(LIVE_STREAMS) ? query : null;
  }

  private static boolean readOnly(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || request.getRequestURI().equals(REPLAYS);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    var request = (HttpServletRequest) req;
    var response = (HttpServletResponse) res;
    if (!request.getRequestURI().startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    var token = token(request);
    var caller = token == null ? Optional.<Caller>empty() : tokens.caller(token);
    if (caller.isEmpty()) {
      ProblemWriter.write(
          response,
          401,
          "Unauthenticated",
          "send 'Authorization: Bearer <token>' with your team's or auditor's token");
      return;
    }
    if (caller.get().auditor() && !readOnly(request)) {
      ProblemWriter.write(
          response,
          403,
          "Read only",
          "auditor " + caller.get().name() + " may read but not command");
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }
}
