package dev.upgradetracker.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Import into a service to authenticate every {@code /api/} request by team token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
public class TeamAuthentication {

  /** Runs before every other filter of ours: they may rely on the caller being known. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  TeamTokens teamTokens(AuthSettings settings) {
    return new TeamTokens(settings.teams(), settings.auditors());
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TeamTokens tokens) {
    var registration = new FilterRegistrationBean<>(new BearerTokenFilter(tokens));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
