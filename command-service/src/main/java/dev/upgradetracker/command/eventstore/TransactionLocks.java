package dev.upgradetracker.command.eventstore;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks held to the end of the current transaction, by which processes sharing a PostgreSQL store
 * take turns (advisory locks, named by a string). An H2 file store has one process: nothing to take
 * turns with, and no lock is taken.
 */
@Component
final class TransactionLocks {

  private final JdbcTemplate jdbc;
  private final boolean shared;

  TransactionLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.shared =
        "PostgreSQL"
            .equals(
                jdbc.execute(
                    (ConnectionCallback<String>)
                        connection -> connection.getMetaData().getDatabaseProductName()));
  }

  /** Whether several processes may share the store. */
  boolean shared() {
    return shared;
  }

  /** Waits for {@code name}'s lock and holds it until the current transaction ends. */
  void lock(String name) {
    if (shared) {
      jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rows -> null, name);
    }
  }
}
