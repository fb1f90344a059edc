package dev.upgradetracker.messaging.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Databases of their own on the PostgreSQL server at 127.0.0.1:5432 (or {@code
 * -Dut.test.postgres}), which is shared: each test or benchmark creates a uniquely named one and
 * drops it. Shared by the modules' tests through this test jar; the PostgreSQL driver comes from
 * the using module's class path.
 */
public final class TestDatabases {

  public static final String SERVER =
      System.getProperty("ut.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

  private TestDatabases() {}

  /** A new empty database named {@code prefix} and a random suffix; answers its name. */
  public static String create(String prefix) throws SQLException {
    var name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
    return name;
  }

  public static String url(String database) {
    return SERVER + database;
  }

  public static void drop(String database) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL at "
              + SERVER
              + " (user postgres, trust auth) is needed here: start it with bin/ensure-postgres,"
              + " or point -Dut.test.postgres at another server. Cause: "
              + e.getMessage(),
          e);
    }
  }
}
