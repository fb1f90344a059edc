package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Over a backlog, the store's reader (a blocking read) gets at most one lap of events per read and
 * goes on from where the lap ended, so it never holds the whole backlog; a processor's own read
 * (not blocking) gets everything, as Axon gives it.
 */
class LappedCatchUpEngineIT {

  private static final int BACKLOG = LappedCatchUpEngine.LAP * 2 + 500;

  @Test
  void aBlockingReadEndsAfterOneLapAndTheNextGoesOnWhereItEnded() throws Exception {
    var url = "jdbc:h2:file:" + Files.createTempDirectory("ut-h2-laps-").resolve("events");
    var dataSource = new DriverManagerDataSource(url, "sa", "");
    MigratedStores.migrate(dataSource, "h2", "latest");
    var serializer = Jackson3Serializer.builder().build();
    var engine =
        new LappedCatchUpEngine(
            JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(StoreTables.EVENTS)
                .batchSize(EventStorageSetup.READ_BATCH));
    engine.appendEvents(
        IntStream.range(0, BACKLOG)
            .mapToObj(n -> new GenericDomainEventMessage<>("Cluster", "c1", n, "event " + n))
            .toList());

    var firstLap = engine.readEvents(null, true).map(TrackedEventMessage.class::cast).toList();
    var secondLap =
        engine
            .readEvents(firstLap.getLast().trackingToken(), true)
            .map(event -> (String) event.getPayload())
            .toList();
    var ownRead = engine.readEvents(null, false).count();

    assertThat(firstLap).hasSize(LappedCatchUpEngine.LAP);
    assertThat(firstLap.getLast().getPayload()).isEqualTo("event " + (LappedCatchUpEngine.LAP - 1));
    assertThat(secondLap)
        .hasSize(LappedCatchUpEngine.LAP)
        .first()
        .isEqualTo("event " + LappedCatchUpEngine.LAP);
    assertThat(ownRead).isEqualTo(BACKLOG);
  }
}
