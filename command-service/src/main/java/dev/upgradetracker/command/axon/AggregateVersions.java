package dev.upgradetracker.command.axon;

import org.axonframework.modelling.command.AggregateLifecycle;

/** The version of the aggregate a command handler runs on. */
public final class AggregateVersions {

  private AggregateVersions() {}

  /**
   * The sequence of its last event, those this command applied included (not yet committed: a
   * refused commit throws instead of answering); -1 for an aggregate without events.
   */
  public static long current() {
    var version = AggregateLifecycle.getVersion();
    return version == null ? -1 : version;
  }
}
