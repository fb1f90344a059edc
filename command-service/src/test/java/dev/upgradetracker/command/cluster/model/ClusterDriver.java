package dev.upgradetracker.command.cluster.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.cluster.model.ClusterState.Registered;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.fleet.ClusterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Drives the pure decider as the system would: commands become events, and host actions are
 * reported back by a pretend executor. Keeps the whole history for assertions.
 */
final class ClusterDriver {

  private final String clusterId;
  private final List<ClusterEvent> history = new ArrayList<>();
  private ClusterState state = new ClusterState.Unregistered();

  private ClusterDriver(String clusterId) {
    this.clusterId = clusterId;
  }

  static ClusterDriver registered(ClusterSpec spec) {
    var driver = new ClusterDriver(spec.id());
    driver.apply(ClusterDecider.decide(new ClusterCommand.RegisterCluster(spec), driver.state));
    return driver;
  }

  /** Registered, guests verified bootable and backed up, every host backed up. */
  static ClusterDriver prepared(ClusterSpec spec) {
    var driver = registered(spec);
    driver.run(new ClusterCommand.VerifyGuestsBoot(spec.id(), "verify"));
    driver.run(new ClusterCommand.BackUpGuests(spec.id(), "backup-guests"));
    for (var host : spec.hosts()) {
      driver.run(new ClusterCommand.BackUpHost(spec.id(), host.name(), "backup-" + host.name()));
    }
    return driver;
  }

  /** The events the command would cause now; nothing is applied. */
  List<ClusterEvent> decide(ClusterCommand command) {
    return ClusterDecider.decide(command, state);
  }

  /** Applies the command's events and leaves its host actions pending. */
  List<ClusterEvent> request(ClusterCommand command) {
    var events = decide(command);
    apply(events);
    return events;
  }

  /** Applies the command's events and reports every host action it requested as succeeded. */
  List<ClusterEvent> run(ClusterCommand command) {
    var events = new ArrayList<>(request(command));
    for (var event : List.copyOf(events)) {
      if (event instanceof ClusterEvent.HostActionRequested requested) {
        events.addAll(report(requested.actionId(), ActionStatus.SUCCEEDED));
      }
    }
    return events;
  }

  List<ClusterEvent> report(String actionId, ActionStatus status) {
    var events =
        decide(
            new RecordActionResult(
                clusterId,
                Clusters.result(
                    clusterId, actionId, status, status == ActionStatus.FAILED ? 1 : 0)));
    apply(events);
    return events;
  }

  /** The executor's interim report on {@code actionId}'s host: reached again, or not reached. */
  List<ClusterEvent> reportReachability(String actionId, boolean reached, Instant at) {
    return reportReachability(actionId, reached, at, reached ? "" : "Connection refused");
  }

  List<ClusterEvent> reportReachability(
      String actionId, boolean reached, Instant at, String error) {
    var events =
        decide(
            new RecordActionResult(
                clusterId,
                new ActionResult(
                    actionId,
                    clusterId,
                    "h1",
                    null,
                    at,
                    new ActionResult.Reachability(reached, error))));
    apply(events);
    return events;
  }

  AbstractThrowableAssert<?, ? extends Throwable> refuses(ClusterCommand command) {
    return assertThatThrownBy(() -> decide(command)).isInstanceOf(CommandRefused.class);
  }

  Registered state() {
    return (Registered) state;
  }

  List<ClusterEvent> history() {
    return List.copyOf(history);
  }

  private void apply(List<ClusterEvent> events) {
    for (var event : events) {
      state = ClusterDecider.evolve(state, event);
      history.add(event);
    }
  }
}
