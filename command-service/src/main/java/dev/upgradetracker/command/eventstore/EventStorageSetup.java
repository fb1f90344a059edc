package dev.upgradetracker.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

  /**
   * How many of the latest events the store keeps in memory for the processors that follow its head
   * (the publisher, webhooks, step times); one that falls further behind reads the store itself.
   * Axon's default, 10,000, held ~35 MiB of a ~125 MiB live heap over 1,000 clusters (each event's
   * payload and metadata bytes); 1,000 is five seconds at 200 commands/s, where the publisher
   * trails by ~100 ms at its 99th percentile.
   */
  static final int TAIL_CACHED = 1_000;

  /** Axon's event store as its Spring Boot support builds it, with {@link #TAIL_CACHED}. */
  @Bean
  EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
    return EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
        .cachedEvents(TAIL_CACHED)
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
