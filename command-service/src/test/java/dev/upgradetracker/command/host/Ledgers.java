package dev.upgradetracker.command.host;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Host ledgers on in-memory databases of their own, with the product's schema. */
public final class Ledgers {

  private Ledgers() {}

  public static HostLedger inMemory() {
    var database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration/h2", "classpath:db/migration/common")
        .load()
        .migrate();
    return new HostLedger(JdbcClient.create(database));
  }

  /** A ledger where an admin assigned the hosts of {@code clusters} to their teams. */
  public static HostLedger assigning(ClusterSpec... clusters) {
    var ledger = inMemory();
    for (var cluster : clusters) {
      for (var host : cluster.hosts()) {
        ledger.record(new HostAssigned(host.name(), host.sshAddress(), cluster.team()));
      }
    }
    return ledger;
  }
}
