package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A data directory made before the migrations (its tables made by Hibernate and the SQL scripts, no
 * migration history) is baselined at version 1, takes the later migrations, and keeps its data.
 */
@SpringBootTest
@DirtiesContext
class BaselinedStoreIT {

  private static Path dir;

  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    dir = Files.createTempDirectory("ut-h2-old-");
    var url = "jdbc:h2:file:" + dir.resolve("events");
    try (var connection = DriverManager.getConnection(url, "sa", "")) {
      ScriptUtils.executeSqlScript(
          connection, new ClassPathResource("db/migration/h2/V1__baseline.sql"));
      connection
          .createStatement()
          .execute(
              "insert into idempotent_response (id, body, content_type, created_at, request_hash,"
                  + " status) values ('alpha-operator:old-key', '{}', 'application/json',"
                  + " current_timestamp, 'abc', 201)");
    }
    registry.add("spring.datasource.url", () -> url);
    OnSharedBroker.register(registry, "h2-baselined");
    EventStoreContract.limits(registry);
  }

  @Test
  void anOldStoreIsBaselinedTakesTheLaterMigrationsAndKeepsItsRows() throws SQLException {
    try (var connection = dataSource.getConnection()) {
      var history =
          connection
              .createStatement()
              .executeQuery(
                  "select \"version\", \"type\" from \"flyway_schema_history\""
                      + " where \"version\" is not null"
                      + " order by \"installed_rank\"");
      var applied = new ArrayList<String>();
      while (history.next()) {
        applied.add(history.getString(1) + " " + history.getString(2));
      }
      assertThat(applied).containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL");
      var kept =
          connection.createStatement().executeQuery("select status from idempotent_response");
      assertThat(kept.next()).isTrue();
      assertThat(kept.getInt(1)).isEqualTo(201);
      var webhooks = connection.createStatement().executeQuery("select count(*) from webhook");
      assertThat(webhooks.next()).isTrue();
    }
  }
}
