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

  public BearerTokenFilter(TeamTokens tokens) {
    this.tokens = tokens;
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
    var header = request.getHeader("Authorization");
    var caller =
        header != null && header.startsWith("Bearer ")
            ? tokens.caller(header.substring(7).trim())
            : Optional.<Caller>empty();
    if (caller.isEmpty()) {
      ProblemWriter.write(
          response,
          401,
          "Unauthenticated",
          "send 'Authorization: Bearer <token>' with your team's or auditor's token");
      return;
    }
    if (caller.get().auditor() && !"GET".equals(request.getMethod())) {
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
