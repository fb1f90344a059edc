package dev.upgradetracker.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStorageSetup {

  /**
   * Axon's JPA engine as its Spring Boot support builds it, reading {@value #READ_BATCH} events per
   * query instead of 100: a publisher catching up spent most of its reading on round trips.
   */
  static final int READ_BATCH = 1_000;

  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      EntityManagerProvider entityManagerProvider,
      TransactionManager transactionManager) {
    return JpaEventStorageEngine.builder()
        .snapshotSerializer(defaultSerializer)
        .upcasterChain(configuration.upcasterChain())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotFilter(configuration.snapshotFilter())
        .entityManagerProvider(entityManagerProvider)
        .transactionManager(transactionManager)
        .batchSize(READ_BATCH)
        .build();
  }

  @Bean
  TokenStore tokenStore(
      Serializer serializer,
      EntityManagerProvider entityManagerProvider,
      TokenStoreProperties properties,
      TransactionLocks locks) {
    return OnceInitializedTokenStore.create(
        entityManagerProvider, serializer, properties.getClaimTimeout(), locks);
  }
}
