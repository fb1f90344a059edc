package dev.upgradetracker.command.planning;

import dev.upgradetracker.command.cluster.ClusterDecider;
import dev.upgradetracker.command.cluster.ClusterState;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.NotOwner;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
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
  Plan plan(
      @PathVariable String clusterId,
      @RequestBody(required = false) PlanRequest request,
      HttpServletRequest http) {
    ClusterState state = new ClusterState.Unregistered();
    var history = events.readEvents(clusterId, 0);
    while (history.hasNext()) {
      state = ClusterDecider.evolve(state, (ClusterEvent) history.next().getPayload());
    }
    if (!(state instanceof ClusterState.Registered cluster)) {
      throw new NotFound("cluster", clusterId);
    }
    var caller = Callers.of(http).name();
    if (!cluster.team().equals(caller)) {
      throw new NotOwner(clusterId, cluster.team(), caller);
    }
    return Planner.plan(
        cluster, request == null || request.mode() == null ? UpgradeMode.UPDATE : request.mode());
  }
}
