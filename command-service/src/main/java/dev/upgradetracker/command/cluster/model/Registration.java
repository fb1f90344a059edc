package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import java.util.List;

/** A cluster enters the inventory. */
final class Registration {

  private Registration() {}

  static List<ClusterEvent> register(ClusterCommand.RegisterCluster command) {
    var spec = command.cluster();
    if (spec == null) {
      throw new InvalidInput("cluster", "is required");
    }
    ClusterSpecValidation.check(spec);
    return List.of(ClusterRegistered.of(spec));
  }
}
