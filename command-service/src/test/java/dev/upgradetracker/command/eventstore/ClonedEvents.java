package dev.upgradetracker.command.eventstore;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills the event store behind a stopped publisher: {@code count} cluster events, each a copy of
 * its cluster's last stored event (every column copied; a new event id, the cluster's next sequence
 * number, the store's next global index), the clusters taking turns. The rows are those the command
 * service wrote, so the publisher reads them as its own.
 */
final class ClonedEvents {

  /** The aggregate type the store records for a cluster's events. */
  static final String CLUSTER = "ClusterAggregate";

  private static final int BATCH = 1_000;

  private ClonedEvents() {}

  /** Answers the seconds the inserts took. */
  static double insert(String url, long count) throws SQLException {
    long started = System.nanoTime();
    try (var connection =
        DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "")) {
      connection.setAutoCommit(false);
      List<String> columns = new ArrayList<>();
      List<Object[]> lastOfEachCluster = new ArrayList<>();
      try (var statement = connection.createStatement();
          var rows =
              statement.executeQuery(
                  "select distinct on (aggregate_identifier) * from domain_event_entry where type"
                      + " = '"
                      + CLUSTER
                      + "' order by aggregate_identifier, sequence_number desc")) {
        var meta = rows.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          columns.add(meta.getColumnName(c));
        }
        while (rows.next()) {
          var row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = rows.getObject(c + 1);
          }
          lastOfEachCluster.add(row);
        }
      }
      long globalIndex;
      try (var statement = connection.createStatement();
          var rows = statement.executeQuery("select max(global_index) from domain_event_entry")) {
        rows.next();
        globalIndex = rows.getLong(1);
      }
      int id = columns.indexOf("event_identifier");
      int sequence = columns.indexOf("sequence_number");
      int global = columns.indexOf("global_index");
      try (var insert =
          connection.prepareStatement(
              "insert into domain_event_entry ("
                  + String.join(", ", columns)
                  + ") values ("
                  + String.join(", ", columns.stream().map(column -> "?").toList())
                  + ")")) {
        for (long n = 0; n < count; n++) {
          var row = lastOfEachCluster.get((int) (n % lastOfEachCluster.size()));
          row[id] = UUID.randomUUID().toString();
          row[sequence] = ((Long) row[sequence]) + 1;
          row[global] = ++globalIndex;
          for (int c = 0; c < row.length; c++) {
            insert.setObject(c + 1, row[c]);
          }
          insert.addBatch();
          if ((n + 1) % BATCH == 0 || n + 1 == count) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }
}
