package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.cluster.model.ClusterSpecValidation;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.InventoryWarning;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers a whole fleet file at once. Each cluster is registered on its own: one refused cluster
 * does not stop the others, and the answer says what became of each.
 */
@RestController
class FleetImportController {

  private final CommandSender sender;

  FleetImportController(CommandSender sender) {
    this.sender = sender;
  }

  /**
   * {@code position}: the registered cluster's, for read-your-writes; null when refused. {@code
   * warnings}: what in its inventory the procedure never produces.
   */
  record ClusterImported(
      String clusterId,
      String outcome,
      String detail,
      Long position,
      List<InventoryWarning> warnings) {}

  record FleetImported(int registered, int refused, List<ClusterImported> clusters) {}

  @PostMapping("/api/clusters/import")
  FleetImported importFleet(@Valid @RequestBody Fleet fleet, HttpServletRequest http) {
    if (fleet.clusters() == null || fleet.clusters().isEmpty()) {
      throw new InvalidInput("clusters", "a fleet file lists at least one cluster");
    }
    var results = new ArrayList<ClusterImported>();
    for (var cluster : fleet.clusters()) {
      try {
        var position = sender.send(new RegisterCluster(cluster), http);
        results.add(
            new ClusterImported(
                cluster.id(),
                "REGISTERED",
                null,
                position,
                ClusterSpecValidation.warnings(cluster)));
      } catch (CommandRefused refused) {
        results.add(
            new ClusterImported(cluster.id(), "REFUSED", refused.getMessage(), null, List.of()));
      }
    }
    int registered = (int) results.stream().filter(r -> r.outcome().equals("REGISTERED")).count();
    return new FleetImported(registered, results.size() - registered, results);
  }
}
