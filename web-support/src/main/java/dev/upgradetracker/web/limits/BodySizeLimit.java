package dev.upgradetracker.web.limits;

import dev.upgradetracker.web.http.ProblemWriter;
import dev.upgradetracker.web.http.ReplayableBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body over the limit is answered 413 before anything parses it: by its declared length
 * at once, or, sent without one (chunked), as soon as it has read one byte too many.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

  /** Where whole inventories arrive: a fleet file, a host inventory. */
  static final Set<String> IMPORTS = Set.of("/api/clusters/import", "/api/hosts/import");

  private final LimitSettings limits;

  public BodySizeLimit(LimitSettings limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var importing = IMPORTS.contains(request.getServletPath());
    long limit = (importing ? limits.maxImportBody() : limits.maxBody()).toBytes();
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, declared + " bytes", limit, importing);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response);
      return;
    }
    var body =
        request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      tooLarge(response, "more than " + limit + " bytes", limit, importing);
      return;
    }
    chain.doFilter(new ReplayableBody(request, body), response);
  }

  private static void tooLarge(
      HttpServletResponse response, String size, long limit, boolean importing) throws IOException {
    ProblemWriter.write(
        response,
        413,
        "Request body too large",
        "the body has "
            + size
            + "; at most "
            + limit
            + " bytes are accepted here ("
            + (importing ? "MAX_IMPORT_BODY" : "MAX_REQUEST_BODY")
            + ")");
  }
}
