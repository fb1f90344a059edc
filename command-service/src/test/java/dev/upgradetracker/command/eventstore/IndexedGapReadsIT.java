package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.testinfra.TestDatabases;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A processor whose token has gaps gets the events of its gaps and those after its position, in the
 * order of the store, exactly as Axon's own statement gives them; on H2 the read looks at those
 * events only, not at every stored one.
 */
class IndexedGapReadsIT {

  private static final int STORED = 3_000;
  private static final int BATCH = 100;

  @Test
  void onH2AReadWithGapsGetsWhatAxonsStatementGetsAndLooksAtNothingElse() throws Exception {
    var url = "jdbc:h2:file:" + Files.createTempDirectory("ut-h2-gaps-").resolve("events");
    var store = new DriverManagerDataSource(url, "sa", "");
    MigratedStores.migrate(store, "h2", "latest");
    var indexes = fill(store);

    assertSameEventsAsAxons(store, indexes);
    var gaps = gaps(indexes);
    var rowsLookedAt = rowsH2LooksAt(store, indexes.get(2_000), gaps);
    // the batch, the row that ends its range, and each gap's row
    assertThat(rowsLookedAt).isBetween((long) BATCH, BATCH + 1L + gaps.size() * 2L);
  }

  @Test
  void onPostgresAReadWithGapsGetsWhatAxonsStatementGets() throws Exception {
    var database = TestDatabases.create("ut_gaps");
    try {
      var store = new DriverManagerDataSource(TestDatabases.url(database), "postgres", "");
      MigratedStores.migrate(store, "postgresql", "latest");
      assertSameEventsAsAxons(store, fill(store));
    } finally {
      TestDatabases.drop(database);
    }
  }

  private static void assertSameEventsAsAxons(DataSource store, List<Long> indexes) {
    var token = GapAwareTrackingToken.newInstance(indexes.get(2_000), gaps(indexes));

    var ours = read(engine(store, true), token);
    var axons = read(engine(store, false), token);

    assertThat(ours).isEqualTo(axons).hasSize(STORED - 2_001 + 2);
    assertThat(ours.subList(0, 3)).containsExactly("event 1500", "event 1700", "event 2001");
  }

  /** The token's gaps: events 1500 and 1700, read after the reader had passed them. */
  private static List<Long> gaps(List<Long> indexes) {
    return List.of(indexes.get(1_500), indexes.get(1_700));
  }

  /** Every event the store gives a processor from {@code token} on, by payload. */
  private static List<String> read(JdbcEventStorageEngine engine, GapAwareTrackingToken token) {
    return engine
        .readEvents(token, false)
        .map(TrackedEventMessage.class::cast)
        .map(event -> (String) event.getPayload())
        .toList();
  }

  /** Stores events 0 to {@link #STORED} - 1 and returns their global indexes in that order. */
  private static List<Long> fill(DataSource store) {
    engine(store, true)
        .appendEvents(
            IntStream.range(0, STORED)
                .mapToObj(n -> new GenericDomainEventMessage<>("Cluster", "c1", n, "event " + n))
                .toList());
    return JdbcClient.create(store)
        .sql("select global_index from domain_event_entry order by sequence_number")
        .query(Long.class)
        .list();
  }

  private static JdbcEventStorageEngine engine(DataSource store, boolean indexedGapReads) {
    var serializer = Jackson3Serializer.builder().build();
    var builder =
        JdbcEventStorageEngine.builder()
            .connectionProvider(new SpringDataSourceConnectionProvider(store))
            .transactionManager(NoTransactionManager.INSTANCE)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .schema(StoreTables.EVENTS)
            .batchSize(BATCH);
    return indexedGapReads
        ? builder.readEventDataWithGaps(new IndexedGapReads()).build()
        : builder.build();
  }

  /** The rows H2 reads for the statement, as its {@code EXPLAIN ANALYZE} counts them. */
  private static long rowsH2LooksAt(DataSource store, long index, List<Long> gaps)
      throws SQLException {
    var sql = IndexedGapReads.sql(StoreTables.EVENTS, gaps.size());
    try (var connection = store.getConnection();
        var explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
      IndexedGapReads.bind(explain, index, BATCH, gaps);
      try (var plan = explain.executeQuery()) {
        plan.next();
        return Pattern.compile("scanCount: (\\d+)")
            .matcher(plan.getString(1))
            .results()
            .mapToLong(match -> Long.parseLong(match.group(1)))
            .sum();
      }
    }
  }
}
