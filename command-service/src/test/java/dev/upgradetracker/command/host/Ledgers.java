package dev.upgradetracker.command.host;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Host ledgers on in-memory databases of their own, with the product's schema. */
public final class Ledgers {

  private Ledgers() {}

  public static HostLedger inMemory() {
    var database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/host-ledger.sql")).execute(database);
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
