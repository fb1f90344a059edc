package dev.upgradetracker.command.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks hash chains against the rows the event store holds, read as stored (no upcasting, no
 * deserializing into events), so that any edit made to the database shows.
 */
@Component
public class ChainVerifier {

  private static final String EVENTS_OF_ONE =
      "select aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,"
          + " payload_revision, payload, meta_data, type from domain_event_entry"
          + " where aggregate_identifier = ? order by sequence_number";

  private final JdbcTemplate jdbc;

  ChainVerifier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The aggregate's chain, checked; empty when it has no events. */
  public Optional<ChainReport> verify(String aggregateId) {
    var walk = new ChainWalk(aggregateId);
    jdbc.query(
        EVENTS_OF_ONE,
        row -> {
          walk.accept(
              new StoredEvent(
                  row.getString(1),
                  row.getLong(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getBytes(7),
                  row.getBytes(8)),
              row.getString(9));
        },
        aggregateId);
    var report = walk.report();
    return report.events() == 0 ? Optional.empty() : Optional.of(report);
  }

  /** Every aggregate the store holds events of, by id. */
  public List<String> storedAggregates() {
    return jdbc.queryForList(
        "select distinct aggregate_identifier from domain_event_entry order by 1", String.class);
  }

  /** These aggregates' chains, checked one aggregate at a time; those without events left out. */
  public Chains verifyAll(List<String> aggregates) {
    var broken = new ArrayList<ChainReport>();
    var heads = new ArrayList<FleetVerification.Head>();
    long events = 0;
    for (var aggregateId : aggregates) {
      var report = verify(aggregateId);
      if (report.isPresent()) {
        events += report.get().events();
        heads.add(
            new FleetVerification.Head(
                aggregateId,
                report.get().aggregateType(),
                report.get().headPosition(),
                report.get().headHash(),
                report.get().headAt()));
        if (!report.get().intact()) {
          broken.add(report.get());
        }
      }
    }
    return new Chains(heads.size(), events, List.copyOf(broken), List.copyOf(heads));
  }

  /** Chains checked: the reports of those that break, and every chain's head. */
  public record Chains(
      int aggregates, long events, List<ChainReport> broken, List<FleetVerification.Head> heads) {}
}
