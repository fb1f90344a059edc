package dev.upgradetracker.command.publishing;

import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.signing.SigningKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaClientsSetup {

  /** The request-signing key: the newest in the keys directory, made there at first start. */
  @Bean
  SigningKeys.Signer requestSigner(SigningSettings settings) {
    return SigningKeys.current(settings.keysDir());
  }

  /** Made on first use, once the {@code KafkaGate} has opened: Kafka takes transactions then. */
  @Bean(destroyMethod = "close")
  TransactionalProducers eventProducers(KafkaSettings kafka) {
    return new TransactionalProducers(kafka);
  }
}
