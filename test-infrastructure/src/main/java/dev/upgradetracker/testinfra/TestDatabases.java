package dev.upgradetracker.testinfra;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Databases of their own on the tests' PostgreSQL server, as {@link TestInfrastructure} chose: the
 * machine's at 127.0.0.1:5432 (or {@code -Dut.test.postgres}), which is shared, or a container.
 * Each test or benchmark creates a uniquely named database and drops it. User {@code postgres},
 * trust authentication, on both; the PostgreSQL driver comes from the using module's class path.
 */
public final class TestDatabases {

  /** The PostgreSQL of the production compose file. */
  static final String IMAGE = "postgres:15";

  private static PostgreSQLContainer container;

  private TestDatabases() {}

  /** A new empty database named {@code prefix} and a random suffix; answers its name. */
  public static String create(String prefix) throws SQLException {
    var name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
    return name;
  }

  public static String url(String database) {
    return server() + database;
  }

  public static void drop(String database) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  /** The server's JDBC URL without a database, ending in a slash. */
  public static String server() {
    return TestInfrastructure.backend() == TestBackend.LOCAL
        ? System.getProperty("ut.test.postgres", "jdbc:postgresql://127.0.0.1:5432/")
        : "jdbc:postgresql://"
            + container().getHost()
            + ":"
            + container().getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
            + "/";
  }

  private static synchronized PostgreSQLContainer container() {
    if (container == null) {
      container =
          new PostgreSQLContainer(IMAGE)
              .withUsername("postgres")
              .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
      container.start();
    }
    return container;
  }

  private static void admin(String sql) throws SQLException {
    var server = server();
    try (var connection = DriverManager.getConnection(server + "postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL at "
              + server
              + " (user postgres, trust auth) is needed here: start it with bin/ensure-postgres,"
              + " point -Dut.test.postgres at another server, or run with a Docker engine"
              + " (UT_TEST_INFRA=containers). Cause: "
              + e.getMessage(),
          e);
    }
  }
}
