package dev.upgradetracker.web.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TracingSetup {

  @Bean
  TraceParents traceParents(Tracer tracer, Propagator propagator) {
    return new TraceParents(tracer, propagator);
  }
}
