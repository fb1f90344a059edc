package dev.upgradetracker.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.eventstore.MigratedStores;
import dev.upgradetracker.testinfra.TestDatabases;
import java.nio.file.Files;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The answers kept per Idempotency-Key on each store: a key is taken by one request only (its
 * concurrent twin is refused, which the filter answers with 409), its answer is kept and found, and
 * a key given back can be taken again.
 */
class StoredResponsesIT {

  private static final Instant NOW = Instant.parse("2026-12-03T21:00:00Z");

  @Test
  void onH2AKeyIsTakenOnceAnsweredAndGivenBack() throws Exception {
    var url = "jdbc:h2:file:" + Files.createTempDirectory("ut-h2-keys-").resolve("events");
    takenOnceAnsweredAndGivenBack(new DriverManagerDataSource(url, "sa", ""), "h2");
  }

  @Test
  void onPostgresAKeyIsTakenOnceAnsweredAndGivenBack() throws Exception {
    var database = TestDatabases.create("ut_keys");
    try {
      takenOnceAnsweredAndGivenBack(
          new DriverManagerDataSource(TestDatabases.url(database), "postgres", ""), "postgresql");
    } finally {
      TestDatabases.drop(database);
    }
  }

  private static void takenOnceAnsweredAndGivenBack(DataSource dataSource, String vendor) {
    MigratedStores.migrate(dataSource, vendor, "latest");
    var responses = new StoredResponses(JdbcClient.create(dataSource));

    responses.reserve("alpha-operator/k1", "hash-1", NOW);
    assertThat(responses.find("alpha-operator/k1"))
        .contains(new StoredResponse("hash-1", StoredResponse.IN_PROGRESS, null, null));
    assertThatThrownBy(() -> responses.reserve("alpha-operator/k1", "hash-2", NOW))
        .isInstanceOf(DuplicateKeyException.class);

    responses.answer("alpha-operator/k1", 202, "application/json", "{\"position\":1}");
    assertThat(responses.find("alpha-operator/k1"))
        .contains(new StoredResponse("hash-1", 202, "application/json", "{\"position\":1}"));
    assertThat(responses.find("bravo-operator/k1")).isEmpty();

    responses.forget("alpha-operator/k1");
    assertThat(responses.find("alpha-operator/k1")).isEmpty();
    responses.reserve("alpha-operator/k1", "hash-2", NOW);
    assertThat(responses.find("alpha-operator/k1"))
        .map(StoredResponse::requestHash)
        .contains("hash-2");
  }
}
