package dev.upgradetracker.command.auth;

import dev.upgradetracker.command.refusal.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API request names its caller with a bearer token; auditors may only read. */
@Component
@Order(1)
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
      ProblemWriter.write(response, 401, "Unauthenticated", "send 'Authorization: Bearer <token>' with your team's token");
      return;
    }
    if (caller.get().auditor() && !"GET".equals(request.getMethod())) {
      ProblemWriter.write(response, 403, "Read only", "auditor " + caller.get().name() + " may read but not command");
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }

}
