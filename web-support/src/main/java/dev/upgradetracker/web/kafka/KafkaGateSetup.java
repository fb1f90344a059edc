package dev.upgradetracker.web.kafka;

import dev.upgradetracker.messaging.KafkaGate;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.web.health.ProblemHealth;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import into a service with a {@link KafkaSettings} bean: its {@link KafkaGate}, checked before
 * any other part of the service starts, and the {@code kafka} health it reports (DOWN, with the
 * reason, while Kafka refuses the service's credentials or does not answer).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaGateSetup {

  /** Before the Kafka clients, which start through the gate, and after them on the way down. */
  public static final int PHASE = -1000;

  @Bean(destroyMethod = "")
  KafkaGate kafkaGate(KafkaSettings kafka) {
    return new KafkaGate(kafka, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  @Bean
  SmartLifecycle kafkaGateLifecycle(KafkaGate gate) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        gate.start();
        running = true;
      }

      @Override
      public void stop() {
        gate.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return PHASE;
      }
    };
  }

  @Bean("kafka")
  HealthIndicator kafkaHealth(KafkaGate gate) {
    return () -> {
      var status = gate.status();
      return ProblemHealth.of(status.healthy() ? Optional.empty() : Optional.of(status.problem()));
    };
  }
}
