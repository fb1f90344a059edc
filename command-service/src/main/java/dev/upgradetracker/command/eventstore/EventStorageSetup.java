package dev.upgradetracker.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC storage engines on the tables the migrations make (db/migration; their names as
 * {@link StoreTables} gives them), as Axon's Spring Boot support builds them but for what each bean
 * below says.
 */
@Configuration(proxyBeanMethods = false)
class EventStorageSetup {

  /** Events read per query instead of 100: a publisher catching up spent most of it on trips. */
  static final int READ_BATCH = 1_000;

  /**
   * How many of the latest events the store keeps in memory for the processors that follow its head
   * (the publisher, webhooks, step times); one that falls further behind reads the store itself.
   * Axon's default, 10,000, held ~35 MiB of a ~125 MiB live heap over 1,000 clusters (each event's
   * payload and metadata bytes); 1,000 is five seconds at 200 commands/s, where the publisher
   * trails by ~100 ms at its 99th percentile.
   */
  static final int TAIL_CACHED = 1_000;

  /**
   * Axon's units of work in Spring's JDBC transactions. Axon's own bean for it waits for Spring
   * Boot 3's class names and, on Spring Boot 4, could be decided before the transaction manager
   * existed: then Axon ran without transactions (every statement on its own, advisory locks let go
   * at once).
   */
  @Bean
  TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
    return new SpringTransactionManager(transactions);
  }

  /**
   * A unique key refused the insert (SQLSTATE 23505 on PostgreSQL and H2): another command wrote
   * the aggregate's position first, which Axon turns into a concurrency conflict to retry. Axon's
   * JDBC default knows only {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's
   * driver never throws.
   */
  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver("23505");
  }

  /**
   * Axon's JDBC engine reading {@link #READ_BATCH} at a time, in laps ({@link
   * LappedCatchUpEngine}), looking for its gaps by the index ({@link IndexedGapReads}).
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager) {
    return new LappedCatchUpEngine(
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(configuration.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(configuration.snapshotFilter())
            .connectionProvider(connectionProvider)
            .transactionManager(transactionManager)
            .schema(StoreTables.EVENTS)
            .batchSize(READ_BATCH)
            .readEventDataWithGaps(new IndexedGapReads()));
  }

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

  /** Taken by Axon's Spring Boot support for the saga store it builds. */
  @Bean
  SagaSqlSchema sagaSqlSchema() {
    return new GenericSagaSqlSchema(StoreTables.SAGAS);
  }

  /** Taken by Axon's Spring Boot support for the publisher's dead-letter queue it builds. */
  @Bean
  DeadLetterSchema deadLetterSchema() {
    return StoreTables.DEAD_LETTERS;
  }

  @Bean
  TokenStore tokenStore(
      ConnectionProvider connectionProvider,
      Serializer serializer,
      TokenStoreProperties properties,
      TransactionLocks locks) {
    return OnceInitializedTokenStore.create(
        connectionProvider, serializer, properties.getClaimTimeout(), locks);
  }
}
