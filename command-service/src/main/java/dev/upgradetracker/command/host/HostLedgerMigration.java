package dev.upgradetracker.command.host;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.host.model.HostOwnership;
import dev.upgradetracker.command.host.model.StoredClusterHosts;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterInventoryUpdated;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.events.host.HostCommand.AssignHost;
import dev.upgradetracker.events.host.HostEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per database, before the service reports ready: the ledger is rebuilt from the event store,
 * and every host of a cluster stored before hosts had owners is assigned to its cluster's team, as
 * an audited event of the system user {@value #USER}. A host two old clusters both list stays with
 * the one registered first; each such conflict is logged for an admin to settle.
 */
@Component
public class HostLedgerMigration {

  static final String TASK = "assign-hosts-of-stored-clusters";
  static final String USER = "host-ledger-migration";

  private static final Logger log = LoggerFactory.getLogger(HostLedgerMigration.class);

  private final EventStorageEngine storage;
  private final HostLedger ledger;
  private final CommandSender sender;
  private final TransactionTemplate transactions;

  HostLedgerMigration(
      EventStorageEngine storage,
      HostLedger ledger,
      CommandSender sender,
      TransactionTemplate transactions) {
    this.storage = storage;
    this.ledger = ledger;
    this.sender = sender;
    this.transactions = transactions;
  }

  @EventListener(ApplicationStartedEvent.class)
  void onStart() {
    if (!ledger.done(TASK)) {
      run();
    }
  }

  /**
   * Rebuilds the ledger and assigns the unassigned hosts of stored clusters; then marks it done.
   */
  public void run() {
    var clusters = transactions.execute(status -> rebuild());
    int assigned = 0;
    int conflicts = 0;
    for (var cluster : clusters.values()) {
      for (var host : cluster.hosts()) {
        if (ledger.find(host.name()).isEmpty()) {
          try {
            sender.sendAsSystem(
                new AssignHost(host.name(), host.sshAddress(), cluster.team()), USER);
            assigned++;
          } catch (CommandRefused refused) {
            log.warn(
                "host {} of cluster {} stays unassigned: {}",
                host.name(),
                cluster.clusterId(),
                refused.getMessage());
          }
        }
        if (!join(cluster, host)) {
          conflicts++;
        }
      }
    }
    ledger.markDone(TASK);
    log.info(
        "host ledger ready: {} clusters stored, {} of their hosts assigned now, {} conflicts",
        clusters.size(),
        assigned,
        conflicts);
  }

  /** The ledger anew from every host event; the stored clusters in registration order. */
  private Map<String, StoredClusterHosts> rebuild() {
    ledger.clear();
    var clusters = new LinkedHashMap<String, StoredClusterHosts>();
    try (var stream = storage.readEvents(null, false)) {
      stream.forEach(
          message -> {
            var type = message.getPayloadType();
            if (HostEvent.class.isAssignableFrom(type)) {
              ledger.record((HostEvent) message.getPayload());
            } else if (type == ClusterRegistered.class) {
              var registered = (ClusterRegistered) message.getPayload();
              clusters.put(
                  registered.clusterId(),
                  new StoredClusterHosts(
                      registered.clusterId(), registered.team(), registered.hosts()));
            } else if (type == ClusterInventoryUpdated.class) {
              var updated = (ClusterInventoryUpdated) message.getPayload();
              clusters.computeIfPresent(
                  updated.clusterId(),
                  (id, stored) -> new StoredClusterHosts(id, stored.team(), updated.hosts()));
            }
          });
    }
    return clusters;
  }

  /** The host joins its stored cluster, unless the ledger's rules refuse it (logged). */
  private boolean join(StoredClusterHosts cluster, VmHost host) {
    try {
      var entry = ledger.find(host.name()).orElse(null);
      HostOwnership.checkHost(cluster.clusterId(), cluster.team(), "host", host, entry);
      if (entry.clusterId() == null) {
        ledger.join(host.name(), cluster.clusterId());
      }
      return true;
    } catch (CommandRefused conflict) {
      log.warn(
          "cluster {} (team {}) keeps host {} at {} outside the ledger: {}; an admin settles it,"
              + " e.g. by reassigning the host and updating the cluster",
          cluster.clusterId(),
          cluster.team(),
          host.name(),
          host.sshAddress(),
          conflict.getMessage());
      return false;
    }
  }
}
