package dev.upgradetracker.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * A tracking read that also looks for the events of its gaps (positions taken by transactions not
 * yet committed when it last read) as two lookups of the global index: the next batch's range, and
 * the gaps by key. Axon's statement asks for {@code range OR key IN (gaps)} in one condition, which
 * H2 answers by scanning the whole table: with commands from several clients a gap is almost always
 * open, so the store's reader read every stored event at each read after a commit (7.5% of the
 * embedded command service's CPU samples over a 20,000-event {@code ./bench views}, and growing
 * with the store). The gaps lie below the token's index and the range above it, so no event is read
 * twice.
 */
final class IndexedGapReads implements ReadEventDataWithGapsStatementBuilder {

  @Override
  public PreparedStatement build(
      Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
      throws SQLException {
    var statement = connection.prepareStatement(sql(schema, gaps.size()));
    bind(statement, globalIndex, batchSize, gaps);
    return statement;
  }

  /** Sets {@link #sql}'s parameters: the range after {@code globalIndex}, then each gap. */
  static void bind(PreparedStatement statement, long globalIndex, int batchSize, List<Long> gaps)
      throws SQLException {
    statement.setLong(1, globalIndex);
    statement.setLong(2, globalIndex + batchSize);
    for (int i = 0; i < gaps.size(); i++) {
      statement.setLong(i + 3, gaps.get(i));
    }
  }

  /** The statement for {@code gaps} gaps: the range's two bounds, then each gap. */
  static String sql(EventSchema schema, int gaps) {
    var read = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
    var index = schema.globalIndexColumn();
    return read
        + " WHERE "
        + index
        + " > ? AND "
        + index
        + " <= ? UNION ALL "
        + read
        + " WHERE "
        + index
        + " IN ("
        + String.join(",", Collections.nCopies(gaps, "?"))
        + ") ORDER BY "
        + index
        + " ASC";
  }
}
