package dev.upgradetracker.web.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The size of what may reach a handler, checked right after the caller is known. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitSettings.class)
public class RequestLimits {

  /** Right after Spring Security: a stranger learns nothing about limits, and nothing is read. */
  public static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

  @Bean
  FilterRegistrationBean<BodySizeLimit> bodySizeLimit(LimitSettings limits) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimit(limits));
    registration.setOrder(ORDER);
    return registration;
  }
}
