package dev.upgradetracker.command.publishing;

import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.signing.SigningKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaClientsSetup {

  /** The request-signing key: the newest in the keys directory, made there at first start. */
  @Bean
  SigningKeys.Signer requestSigner(SigningSettings settings) {
    return SigningKeys.current(settings.keysDir());
  }

  /** Its first sends wait for the topics (the {@code KafkaGate} makes them) up to max.block.ms. */
  @Bean(destroyMethod = "close")
  KafkaProducer<String, Record> eventProducer(KafkaSettings kafka) {
    return KafkaClients.producer(
        kafka.connection(), "command-service-publisher", new JsonSerde<>(Record.class));
  }
}
