package dev.upgradetracker.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request: from the {@code Authorization} header; live streams may carry it
 * as {@code access_token} in the query instead, because a browser's EventSource cannot send
 * headers. Nowhere else is a token in a URL accepted (URLs end up in logs and histories).
 */
final class BearerTokens implements BearerTokenResolver {

  private static final String LIVE_STREAMS = "/api/live/";

  private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
  private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

  BearerTokens() {
    headerOrQuery.setAllowUriQueryParameter(true);
  }

  @Override
  public String resolve(HttpServletRequest request) {
    var path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith(LIVE_STREAMS)
        ? headerOrQuery.resolve(request)
        : headerOnly.resolve(request);
  }
}
