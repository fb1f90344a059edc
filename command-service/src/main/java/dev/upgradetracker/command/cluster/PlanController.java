package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.cluster.model.Plan;
import dev.upgradetracker.command.cluster.model.Planner;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.web.Callers;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dry run: the plan for a cluster as it stands now, computed from its history; nothing is written.
 */
@RestController
class PlanController {

  private final EventStore events;

  PlanController(EventStore events) {
    this.events = events;
  }

  record PlanRequest(UpgradeMode mode) {}

  @PostMapping("/api/clusters/{clusterId}/plan")
  Plan plan(@PathVariable String clusterId, @RequestBody(required = false) PlanRequest request) {
    var cluster = ClusterHistory.load(events, clusterId);
    return Planner.planFor(
        cluster,
        request == null || request.mode() == null ? UpgradeMode.UPDATE : request.mode(),
        Callers.current().team());
  }
}
