package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.testinfra.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A store Hibernate wrote (schema version 2: it took global indexes and association ids from their
 * sequences itself, a dead letter's times were timestamps) takes version 3 and Axon's JDBC stores
 * carry on in it: new rows get their keys from the database past every old one, and every dead
 * letter keeps its times, now as Axon's ISO-8601 text.
 */
class JdbcStoresMigrationIT {

  private static final Instant ENQUEUED = Instant.parse("2026-11-30T10:15:30.123Z");
  private static final Instant TOUCHED = Instant.parse("2026-11-30T11:00:00.007Z");

  @Test
  void aStoreHibernateWroteOnH2KeepsItsRowsAndTakesNewKeysPastThem() throws Exception {
    var url = "jdbc:h2:file:" + Files.createTempDirectory("ut-h2-v2-").resolve("events");
    try (var connection = DriverManager.getConnection(url, "sa", "")) {
      migrateAndCarryOn(
          connection,
          new Dialect(
              "h2",
              "next value for domain_event_entry_seq",
              "X'7B7D'",
              List.of("1", "2", "3", "4")));
    }
  }

  @Test
  void aStoreHibernateWroteOnPostgresKeepsItsRowsAndTakesNewKeysPastThem() throws Exception {
    var database = TestDatabases.create("ut_v3");
    try (var connection =
        DriverManager.getConnection(TestDatabases.url(database), "postgres", "")) {
      migrateAndCarryOn(
          connection,
          new Dialect(
              "postgresql",
              "nextval('domain_event_entry_seq')",
              "'\\x7b7d'::bytea",
              List.of("1", "2", "3")));
    } finally {
      TestDatabases.drop(database);
    }
  }

  /**
   * How each database says the migrations' folder, a sequence's next value and some bytes, and the
   * versions of its migrations.
   */
  private record Dialect(String vendor, String nextIndex, String bytes, List<String> versions) {}

  private static void migrateAndCarryOn(Connection connection, Dialect dialect)
      throws SQLException {
    migrate(connection, dialect.vendor(), "2");
    // as Hibernate wrote them: keys it took itself, association ids from a block of 50
    update(connection, insertEvent("e1", 0, dialect));
    update(connection, insertEvent("e2", 1, dialect));
    update(connection, insertAssociation("1"));
    update(connection, insertAssociation("49"));
    update(
        connection,
        "insert into dead_letter_entry (dead_letter_id, enqueued_at, last_touched,"
            + " event_identifier, message_type, payload, payload_type, time_stamp,"
            + " processing_group, sequence_identifier, sequence_index) values ('dl1',"
            + " timestamp with time zone '2026-11-30 10:15:30.123+00',"
            + " timestamp with time zone '2026-11-30 12:00:00.007+01', 'e1', 'm', "
            + dialect.bytes()
            + ", 'p', '2026-11-30T10:15:30.123Z', 'kafka-publisher', 'c1', 0)");

    migrate(connection, dialect.vendor(), "latest");

    assertThat(
            column(
                connection,
                "select \"version\" from \"flyway_schema_history\" where \"version\" is not null"
                    + " order by \"installed_rank\""))
        .containsExactlyElementsOf(dialect.versions());
    assertThat(payloads(connection)).containsExactly("{}", "{}");
    update(
        connection,
        "insert into domain_event_entry (event_identifier, meta_data, payload, payload_type,"
            + " time_stamp, aggregate_identifier, sequence_number, type) values ('e3', null, "
            + dialect.bytes()
            + ", 'p', '2026-12-01T00:00:00.000Z', 'c1', 2, 'Cluster')");
    assertThat(column(connection, "select global_index from domain_event_entry order by 1"))
        .containsExactly("1", "2", "3");
    update(
        connection,
        "insert into association_value_entry (association_key, association_value, saga_id,"
            + " saga_type) values ('campaignId', 'k2', 's2', 'CampaignSaga')");
    var ids = column(connection, "select id from association_value_entry order by id");
    assertThat(ids).hasSize(3).startsWith("1", "49");
    assertThat(Long.parseLong(ids.get(2))).isGreaterThan(49);
    var times =
        column(
            connection,
            "select enqueued_at || ' ' || last_touched || ' ' || coalesce(processing_started, '-')"
                + " from dead_letter_entry");
    assertThat(times).containsExactly("2026-11-30T10:15:30.123Z 2026-11-30T11:00:00.007Z -");
    var text = times.getFirst().split(" ");
    assertThat(DateTimeUtils.parseInstant(text[0])).isEqualTo(ENQUEUED);
    assertThat(DateTimeUtils.parseInstant(text[1])).isEqualTo(TOUCHED);
  }

  private static String insertEvent(String id, int sequence, Dialect dialect) {
    return "insert into domain_event_entry (global_index, event_identifier, payload, payload_type,"
        + " time_stamp, aggregate_identifier, sequence_number, type) values ("
        + dialect.nextIndex()
        + ", '"
        + id
        + "', "
        + dialect.bytes()
        + ", 'p', '2026-11-30T10:00:00.000Z', 'c1', "
        + sequence
        + ", 'Cluster')";
  }

  private static String insertAssociation(String id) {
    return "insert into association_value_entry (id, association_key, association_value,"
        + " saga_id, saga_type) values ("
        + id
        + ", 'campaignId', 'k"
        + id
        + "', 's1', 'CampaignSaga')";
  }

  private static void migrate(Connection connection, String vendor, String target) {
    MigratedStores.migrate(new SingleConnectionDataSource(connection, true), vendor, target);
  }

  private static void update(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  /** The stored events' payloads, in the store's order, as text. */
  private static List<String> payloads(Connection connection) throws SQLException {
    return column(
        connection,
        "select payload from domain_event_entry order by global_index",
        (rows, n) -> new String(rows.getBytes(1), StandardCharsets.UTF_8));
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    return column(connection, sql, (rows, n) -> rows.getString(1));
  }

  private static <T> List<T> column(Connection connection, String sql, RowMapper<T> value)
      throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      var values = new ArrayList<T>();
      while (rows.next()) {
        values.add(value.mapRow(rows, values.size()));
      }
      return values;
    }
  }
}
