package dev.upgradetracker.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The floor beneath any event store: one insert per command of a row exactly like the command
 * service's last stored event (every column copied, new ids and positions), autocommitted, from a
 * pool of as many connections as clients, into a copy of its table.
 */
final class BareJdbcAppend {

  private BareJdbcAppend() {}

  static LoadRun.Result run(String url, int aggregates, int clients, int commands)
      throws SQLException, InterruptedException {
    try (var pool = pool(url, clients)) {
      List<String> columns;
      Object[] sample;
      try (var connection = pool.getConnection()) {
        columns = columns(connection);
        sample = lastEvent(connection, columns);
        try (var statement = connection.createStatement()) {
          statement.execute(
              "create table bare_event_entry (like domain_event_entry including all)");
          statement.execute("create sequence bare_global_index");
        }
      }
      var insert = insert(columns);
      var sequences = new AtomicLongArray(aggregates);
      return LoadRun.of(
          clients,
          commands,
          n -> {
            int aggregate = n % aggregates;
            try (var connection = pool.getConnection();
                var statement = connection.prepareStatement(insert)) {
              int parameter = 1;
              for (int c = 0; c < columns.size(); c++) {
                var value =
                    switch (columns.get(c)) {
                      case "global_index" -> null;
                      case "event_identifier" -> UUID.randomUUID().toString();
                      case "aggregate_identifier" -> "bare-" + aggregate;
                      case "sequence_number" -> sequences.getAndIncrement(aggregate);
                      case "time_stamp" ->
                          sample[c] instanceof Timestamp
                              ? new Timestamp(System.currentTimeMillis())
                              : sample[c];
                      default -> sample[c];
                    };
                if (!columns.get(c).equals("global_index")) {
                  statement.setObject(parameter++, value);
                }
              }
              return statement.executeUpdate() == 1;
            }
          });
    }
  }

  private static HikariDataSource pool(String url, int size) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(size);
    return pool;
  }

  private static List<String> columns(Connection connection) throws SQLException {
    var columns = new ArrayList<String>();
    try (var statement =
            connection.prepareStatement(
                "select column_name from information_schema.columns"
                    + " where table_name = 'domain_event_entry' order by ordinal_position");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    return columns;
  }

  private static Object[] lastEvent(Connection connection, List<String> columns)
      throws SQLException {
    try (var statement =
            connection.prepareStatement(
                "select * from domain_event_entry order by global_index desc limit 1");
        var rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("no stored event to copy");
      }
      var values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        values[c] = rows.getObject(columns.get(c));
      }
      return values;
    }
  }

  private static String insert(List<String> columns) {
    var values = new ArrayList<String>();
    for (var column : columns) {
      values.add(column.equals("global_index") ? "nextval('bare_global_index')" : "?");
    }
    return "insert into bare_event_entry ("
        + String.join(", ", columns)
        + ") values ("
        + String.join(", ", values)
        + ")";
  }
}
