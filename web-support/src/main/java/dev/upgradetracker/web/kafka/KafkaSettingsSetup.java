package dev.upgradetracker.web.kafka;

import dev.upgradetracker.messaging.KafkaSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Import into a service whose Kafka settings live under {@code upgrade-tracker.kafka}. */
@Configuration(proxyBeanMethods = false)
public class KafkaSettingsSetup {

  @Bean
  KafkaSettings kafkaSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate("upgrade-tracker.kafka", KafkaSettings.class);
  }
}
