package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.testinfra.TestDatabases;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on the PostgreSQL server at 127.0.0.1:5432, in a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresEventStoreIT extends HostLedgerContract {

  private static String database;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    database = TestDatabases.create("ut_events");
    registry.add("spring.datasource.url", () -> TestDatabases.url(database));
    registry.add("spring.datasource.username", () -> "postgres");
    OnSharedBroker.register(registry, "postgres-store");
    limits(registry);
  }

  @Override
  List<String> migrations() {
    return List.of("1", "2", "3");
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    TestDatabases.drop(database);
  }

  @Test
  void storesEventPayloadsInlineAsByteaNotAsLargeObjects() {
    var types =
        JdbcClient.create(dataSource)
            .sql(
                "select data_type from information_schema.columns where table_name ="
                    + " 'domain_event_entry' and column_name in ('payload', 'meta_data')")
            .query(String.class)
            .list();

    assertThat(types).containsExactly("bytea", "bytea");
  }
}
