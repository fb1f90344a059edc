package dev.upgradetracker.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The engine beneath the command service, bare: Axon's command bus and an event-sourced aggregate
 * whose one handler applies one event carrying a body as large as an inventory, on Axon's JDBC
 * event store in PostgreSQL, with nothing of ours around it (no HTTP, no rules, no hash chain, no
 * idempotency, no publisher).
 */
final class BareAxonCommands {

  private BareAxonCommands() {}

  /** A command on aggregate {@code id}. */
  record Append(@TargetAggregateIdentifier String id, String body) {}

  /** Its event. */
  record Appended(String id, String body) {}

  /** The bare aggregate: it loads from its events and applies one per command. */
  static class BareAggregate {

    @AggregateIdentifier private String id;

    protected BareAggregate() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Append command) {
      AggregateLifecycle.apply(new Appended(command.id(), command.body()));
    }

    @EventSourcingHandler
    void on(Appended event) {
      id = event.id();
    }
  }

  static LoadRun.Result run(String url, int aggregates, int clients, int commands, String body)
      throws InterruptedException {
    try (var pool = new HikariDataSource()) {
      pool.setJdbcUrl(url);
      pool.setUsername("postgres");
      pool.setMaximumPoolSize(clients + 2);
      var transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
      var serializer = Jackson3Serializer.builder().build();
      var engine =
          JdbcEventStorageEngine.builder()
              .connectionProvider(new SpringDataSourceConnectionProvider(pool))
              .transactionManager(transactions)
              .eventSerializer(serializer)
              .snapshotSerializer(serializer)
              .schema(
                  EventSchema.builder()
                      .eventTable("bare_axon_events")
                      .snapshotTable("bare_axon_snapshots")
                      .build())
              .build();
      engine.createSchema(PostgresEventTableFactory.INSTANCE);
      var configuration =
          DefaultConfigurer.defaultConfiguration()
              .configureEmbeddedEventStore(c -> engine)
              .configureTransactionManager(c -> transactions)
              .configureSerializer(c -> serializer)
              .configureAggregate(BareAggregate.class)
              .buildConfiguration();
      configuration.start();
      try {
        var gateway = configuration.commandGateway();
        List<String> ids = CommandBenchmark.ids(aggregates, "axon-");
        LoadRun.Operation append =
            n -> {
              gateway.sendAndWait(new Append(ids.get(n % aggregates), body));
              return true;
            };
        LoadRun.of(clients, Math.min(commands, 2_000), append);
        return LoadRun.of(clients, commands, append);
      } finally {
        configuration.shutdown();
      }
    }
  }
}
