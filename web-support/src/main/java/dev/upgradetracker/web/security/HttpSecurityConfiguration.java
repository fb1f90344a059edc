package dev.upgradetracker.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.upgradetracker.web.http.ProblemWriter;
import dev.upgradetracker.web.limits.RequestLimits;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Import into a service: every request needs a proven identity except the health probes and the
 * dashboard's static files, and each role reaches only its own endpoints. Spring Security decides
 * on the normalized path, after its firewall has refused encoded slashes, dot segments and matrix
 * parameters; a path no rule names is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecuritySettings.class, DashboardSettings.class})
@Import(RequestLimits.class)
public class HttpSecurityConfiguration {

  /**
   * The Content-Security-Policy of every answer: the dashboard loads only its own files and
   * connects only to its own service and the command service it sends commands to.
   */
  static String contentSecurityPolicy(DashboardSettings dashboard) {
    var commands = dashboard.commandUrl() == null ? "" : " " + dashboard.commandUrl();
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'"
        + commands
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /**
   * Browser requests from the dashboard's origins only; without any, no cross-origin request passes
   * its preflight.
   */
  static CorsConfigurationSource dashboardOrigins(DashboardSettings dashboard) {
    if (dashboard.origins().isEmpty()) {
      return request -> null;
    }
    var cors = new CorsConfiguration();
    cors.setAllowedOrigins(dashboard.origins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
    cors.setExposedHeaders(List.of("ETag", "Location"));
    // the token travels in a header the page sets, never in a cookie
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofMinutes(10));
    return request -> cors;
  }

  /**
   * The order of a servlet filter that needs the caller's identity and a body within its limits:
   * after Spring Security and {@link RequestLimits}.
   */
  public static final int AFTER_SECURITY = RequestLimits.ORDER + 1;

  private static final String[] READERS = {"OPERATOR", "APPROVER", "AUDITOR", "ADMIN"};

  /** A path the firewall refuses (encoded slash, dot segment, matrix parameter) as a problem. */
  @Bean
  RequestRejectedHandler notNormalized() {
    return (request, response, rejected) ->
        ProblemWriter.write(
            response,
            400,
            "Path not in normal form",
            "encoded slashes, '.' or '..' segments, '//' and ';' parameters are refused: "
                + rejected.getMessage());
  }

  @Bean
  AuthenticationManager identities(SecuritySettings settings) {
    return IdentitySources.of(settings);
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, AuthenticationManager identities, DashboardSettings dashboard)
      throws Exception {
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Bearer");
          ProblemWriter.write(
              response,
              401,
              "Unauthenticated",
              "send 'Authorization: Bearer <token>' with a valid API token or JWT");
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            ProblemWriter.write(
                response,
                403,
                "Forbidden",
                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    // no cookie carries an identity here, so there is nothing for a forged request to ride on
    return http.csrf(AbstractHttpConfigurer::disable)
        .cors(cors -> cors.configurationSource(dashboardOrigins(dashboard)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            rules ->
                rules
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(
                        GET, "/", "/index.html", "/dashboard.js", "/commands.js", "/dashboard.css")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus")
                    .hasRole("METRICS")
                    .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**")
                    .hasAnyRole(READERS)
                    .requestMatchers("/api/publishing/**")
                    .hasRole("ADMIN")
                    .requestMatchers(GET, "/api/**")
                    .hasAnyRole(READERS)
                    .requestMatchers("/api/hosts", "/api/hosts/**")
                    .hasRole("ADMIN")
                    .requestMatchers(POST, "/api/replays")
                    .hasAnyRole("AUDITOR", "ADMIN")
                    .requestMatchers(POST, "/api/campaigns/*/clusters/*/approve")
                    .hasRole("APPROVER")
                    .requestMatchers(POST, "/api/clusters", "/api/clusters/import")
                    .hasAnyRole("OPERATOR", "ADMIN")
                    .requestMatchers(PUT, "/api/clusters/*")
                    .hasAnyRole("OPERATOR", "ADMIN")
                    .requestMatchers("/api/**")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            bearer ->
                bearer
                    .bearerTokenResolver(new BearerTokens())
                    .authenticationManagerResolver(request -> identities)
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp -> csp.policyDirectives(contentSecurityPolicy(dashboard))))
        .build();
  }
}
