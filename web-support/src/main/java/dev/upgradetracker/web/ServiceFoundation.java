package dev.upgradetracker.web;

import dev.upgradetracker.web.json.StrictRequestJson;
import dev.upgradetracker.web.kafka.KafkaGateSetup;
import dev.upgradetracker.web.lifecycle.LauncherWatch;
import dev.upgradetracker.web.security.HttpSecurityConfiguration;
import dev.upgradetracker.web.tracing.TracingSetup;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every service imports: HTTP security, strict request bodies, stopping with its launcher, the
 * Kafka gate with its health (which wants a {@code KafkaSettings} bean of the service), and trace
 * context across Kafka.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  HttpSecurityConfiguration.class,
  StrictRequestJson.class,
  LauncherWatch.class,
  KafkaGateSetup.class,
  TracingSetup.class
})
public class ServiceFoundation {}
