package dev.upgradetracker.command.host;

import dev.upgradetracker.command.host.model.HostEntry;
import dev.upgradetracker.command.host.model.LedgerFacts;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.events.host.HostEvent;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import dev.upgradetracker.events.host.HostEvent.HostReassigned;
import dev.upgradetracker.events.host.HostEvent.HostReleased;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which team each host belongs to and which cluster it is in, as tables beside the event store.
 * Aggregates read it under row locks and write it in the transaction that stores their events, so
 * it never disagrees with them and two racing commands cannot both take one host.
 */
@Component
public class HostLedger {

  private final JdbcClient jdbc;

  HostLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The entries of {@code hosts}, their assignments locked until the transaction ends; always in
   * name order, so two transactions locking overlapping hosts cannot deadlock.
   */
  public Map<String, HostEntry> lock(Collection<String> hosts) {
    return entries(hosts, " for update");
  }

  /**
   * The entries of {@code hosts} as last committed, nothing locked: what a lock would read for
   * hosts that stay in the cluster holding them, since only that cluster's own commands change them
   * ({@link dev.upgradetracker.command.host.model.HostDecider} refuses the rest).
   */
  public Map<String, HostEntry> read(Collection<String> hosts) {
    return entries(hosts, "");
  }

  private Map<String, HostEntry> entries(Collection<String> hosts, String locking) {
    var names = List.copyOf(new TreeSet<>(hosts));
    if (names.isEmpty()) {
      return Map.of();
    }
    var assignments =
        jdbc.sql(
                "select host_name, ssh_address, team from host_assignment"
                    + " where host_name in (:names) order by host_name"
                    + locking)
            .param("names", names)
            .query(
                (row, n) ->
                    new HostEntry(
                        row.getString("host_name"),
                        row.getString("ssh_address"),
                        row.getString("team"),
                        null))
            .list();
    var clusters = clustersOf(names);
    var entries = new HashMap<String, HostEntry>();
    for (var assignment : assignments) {
      entries.put(
          assignment.host(),
          new HostEntry(
              assignment.host(),
              assignment.sshAddress(),
              assignment.team(),
              clusters.get(assignment.host())));
    }
    return entries;
  }

  /** The facts a host command is decided on, the host's assignment locked. */
  public LedgerFacts factsFor(String host, String canonicalAddress) {
    var entry = lock(List.of(host)).get(host);
    var clusterId = entry != null ? entry.clusterId() : clustersOf(List.of(host)).get(host);
    var holder =
        canonicalAddress == null
            ? Optional.<String>empty()
            : jdbc.sql("select host_name from host_assignment where ssh_address = :address")
                .param("address", canonicalAddress)
                .query(String.class)
                .optional();
    return new LedgerFacts(clusterId, holder.orElse(null));
  }

  /** Writes what a host's events changed. */
  public void record(HostEvent event) {
    try {
      switch (event) {
        case HostAssigned assigned ->
            jdbc.sql(
                    "insert into host_assignment (host_name, ssh_address, team)"
                        + " values (:host, :address, :team)")
                .param("host", assigned.host())
                .param("address", assigned.sshAddress())
                .param("team", assigned.team())
                .update();
        case HostReassigned reassigned ->
            jdbc.sql(
                    "update host_assignment set ssh_address = :address, team = :team"
                        + " where host_name = :host")
                .param("host", reassigned.host())
                .param("address", reassigned.sshAddress())
                .param("team", reassigned.team())
                .update();
        case HostReleased released ->
            jdbc.sql("delete from host_assignment where host_name = :host")
                .param("host", released.host())
                .update();
      }
    } catch (DuplicateKeyException e) {
      throw HostTaken.addressOf("another host", addressOf(event));
    }
  }

  /** {@code clusterId} is now over exactly {@code hosts}. */
  public void placeCluster(String clusterId, Collection<String> hosts) {
    var names = List.copyOf(new TreeSet<>(hosts));
    jdbc.sql(
            "delete from host_membership where cluster_id = :cluster and host_name not in (:names)")
        .param("cluster", clusterId)
        .param("names", names)
        .update();
    var current = clustersOf(names);
    for (var host : names) {
      var holder = current.get(host);
      if (holder == null) {
        try {
          jdbc.sql("insert into host_membership (host_name, cluster_id) values (:host, :cluster)")
              .param("host", host)
              .param("cluster", clusterId)
              .update();
        } catch (DuplicateKeyException e) {
          throw HostTaken.inCluster(host, "another cluster", "a host is in at most one cluster");
        }
      } else if (!holder.equals(clusterId)) {
        throw HostTaken.inCluster(host, holder, "a host is in at most one cluster");
      }
    }
  }

  /** {@code host} is in {@code clusterId} now, unless another process placed it first. */
  void join(String host, String clusterId) {
    try {
      jdbc.sql("insert into host_membership (host_name, cluster_id) values (:host, :cluster)")
          .param("host", host)
          .param("cluster", clusterId)
          .update();
    } catch (DuplicateKeyException placedMeanwhile) {
      var holder = clustersOf(List.of(host)).get(host);
      if (!clusterId.equals(holder)) {
        throw HostTaken.inCluster(host, holder, "a host is in at most one cluster");
      }
    }
  }

  /** Empties the ledger, for a rebuild from the event store in the same transaction. */
  void clear() {
    jdbc.sql("delete from host_membership").update();
    jdbc.sql("delete from host_assignment").update();
  }

  boolean done(String task) {
    return jdbc.sql("select count(*) from host_ledger_task where task = :task")
            .param("task", task)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Another instance of the service that ran the same task at the same time did it too. */
  void markDone(String task) {
    try {
      jdbc.sql("insert into host_ledger_task (task, done_at) values (:task, :at)")
          .param("task", task)
          .param("at", OffsetDateTime.now())
          .update();
    } catch (DuplicateKeyException doneMeanwhile) {
      // the task is done either way
    }
  }

  /** The host's entry as it stands, unlocked; empty when no admin assigned it. */
  public Optional<HostEntry> find(String host) {
    return jdbc.sql(
            "select a.host_name, a.ssh_address, a.team, m.cluster_id from host_assignment a"
                + " left join host_membership m on m.host_name = a.host_name"
                + " where a.host_name = :host")
        .param("host", host)
        .query(HostLedger::entry)
        .optional();
  }

  /**
   * Up to {@code limit} entries after the host named {@code after} (null: from the first), in name
   * order; of {@code team} only, unless it is null.
   */
  public List<HostEntry> list(String team, String after, int limit) {
    var query =
        jdbc.sql(
                "select a.host_name, a.ssh_address, a.team, m.cluster_id from host_assignment a"
                    + " left join host_membership m on m.host_name = a.host_name"
                    + " where a.host_name > :after"
                    + (team == null ? "" : " and a.team = :team")
                    + " order by a.host_name limit :limit")
            .param("after", after == null ? "" : after)
            .param("limit", limit);
    if (team != null) {
      query = query.param("team", team);
    }
    return query.query(HostLedger::entry).list();
  }

  private Map<String, String> clustersOf(List<String> names) {
    var clusters = new HashMap<String, String>();
    jdbc.sql("select host_name, cluster_id from host_membership where host_name in (:names)")
        .param("names", names)
        .query(
            (RowCallbackHandler)
                row -> clusters.put(row.getString("host_name"), row.getString("cluster_id")));
    return clusters;
  }

  private static HostEntry entry(ResultSet row, int n) throws SQLException {
    return new HostEntry(
        row.getString("host_name"),
        row.getString("ssh_address"),
        row.getString("team"),
        row.getString("cluster_id"));
  }

  private static String addressOf(HostEvent event) {
    return switch (event) {
      case HostAssigned assigned -> assigned.sshAddress();
      case HostReassigned reassigned -> reassigned.sshAddress();
      case HostReleased released -> released.sshAddress();
    };
  }
}
