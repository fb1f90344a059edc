package dev.upgradetracker.command.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The command service's migrations run on a store as the service runs them, for tests. */
public final class MigratedStores {

  private MigratedStores() {}

  /**
   * Migrates {@code store} of {@code vendor} ({@code h2} or {@code postgresql}) to {@code version}
   * ({@code latest} for all).
   */
  public static void migrate(DataSource store, String vendor, String version) {
    Flyway.configure()
        .dataSource(store)
        .locations("classpath:db/migration/" + vendor, "classpath:db/migration/common")
        .target(version)
        .load()
        .migrate();
  }
}
