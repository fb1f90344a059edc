package dev.upgradetracker.command.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API request names its caller with a bearer token; auditors may only read. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

  static final String CALLER = BearerTokenFilter.class.getName() + ".caller";

  private final TeamTokens tokens;

  BearerTokenFilter(TeamTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var header = request.getHeader("Authorization");
    var caller = header != null && header.startsWith("Bearer ") ? tokens.caller(header.substring(7).trim()) : Optional.<TeamTokens.Caller>empty();
    if (caller.isEmpty()) {
      problem(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", "send 'Authorization: Bearer <token>' with your team's token");
      return;
    }
    if (caller.get().auditor() && !"GET".equals(request.getMethod())) {
      problem(response, HttpStatus.FORBIDDEN, "Read only", "auditor " + caller.get().name() + " may read but not command");
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.getWriter().write(
        "{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
  }
}
