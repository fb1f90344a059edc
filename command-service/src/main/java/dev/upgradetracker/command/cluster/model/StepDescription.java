package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.events.cluster.ClusterCommand;

/** A step as people read it: the command's name and what it concerns. */
public record StepDescription(String command, String subject) {

  public static StepDescription of(ClusterCommand step) {
    var subject =
        switch (step) {
          case ClusterCommand.BackUpHost c -> c.host();
          case ClusterCommand.MoveGuests c -> c.awayFrom() != null ? c.awayFrom() : c.guest();
          case ClusterCommand.MovePackages c ->
              c.awayFromHost() != null ? c.awayFromHost() : c.packageName();
          case ClusterCommand.HaltClusterNodes c -> c.host();
          case ClusterCommand.RunClusterNodes c -> c.host();
          case ClusterCommand.UpgradeNode c -> c.host();
          case ClusterCommand.RejoinNode c -> c.host();
          case ClusterCommand.InstallPatches c -> c.host();
          case ClusterCommand.InstallGuestKit c ->
              c.guest() != null ? c.guest() : "every guest without it";
          default -> step.clusterId();
        };
    return new StepDescription(step.getClass().getSimpleName(), subject);
  }
}
