package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on the PostgreSQL server at 127.0.0.1:5432, in a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresEventStoreIT extends HostLedgerContract {

  static final String SERVER =
      System.getProperty("ut.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String DATABASE =
      "ut_events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    admin("CREATE DATABASE " + DATABASE);
    registry.add("spring.datasource.url", () -> SERVER + DATABASE);
    registry.add("spring.datasource.username", () -> "postgres");
    OnSharedBroker.register(registry, "postgres-store");
    limits(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
  }

  @Test
  void storesEventPayloadsInlineAsByteaNotAsLargeObjects() throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "select data_type from information_schema.columns"
                    + " where table_name = 'domain_event_entry' and column_name in ('payload', 'meta_data')");
        var rows = statement.executeQuery()) {
      var types = new ArrayList<String>();
      while (rows.next()) {
        types.add(rows.getString(1));
      }
      assertThat(types).containsExactly("bytea", "bytea");
    }
  }

  private static void admin(String sql) throws SQLException {
    try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL at "
              + SERVER
              + " (user postgres, trust auth) is needed by this test: start it with"
              + " bin/ensure-postgres, or point -Dut.test.postgres at another server. Cause: "
              + e.getMessage(),
          e);
    }
  }
}
