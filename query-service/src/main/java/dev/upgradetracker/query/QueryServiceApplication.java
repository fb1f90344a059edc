package dev.upgradetracker.query;

import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.query.streams.StreamsSettings;
import dev.upgradetracker.web.ServiceFoundation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceFoundation.class)
@EnableScheduling
public class QueryServiceApplication {

  /** The Kafka part of the views' settings, as every service has it (for its KafkaGate). */
  @Bean
  KafkaSettings kafkaSettings(StreamsSettings views) {
    return views.kafka();
  }

  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}
