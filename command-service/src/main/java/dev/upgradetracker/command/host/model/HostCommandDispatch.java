package dev.upgradetracker.command.host.model;

import dev.upgradetracker.events.host.HostCommand;

/** How a {@link HostCommand} travels on Axon's command bus, to the aggregate of its host. */
public record HostCommandDispatch(HostCommand command) {

  /** Host names cannot hold ':', so no host's aggregate shares an id with a cluster's. */
  public String aggregateId() {
    return aggregateId(command.host());
  }

  public static String aggregateId(String host) {
    return "host:" + host;
  }
}
