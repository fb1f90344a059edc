package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.events.cluster.ClusterCommand;

/**
 * How a {@link ClusterCommand} travels on Axon's command bus: one message type, so the aggregate
 * has one handler and the decider's exhaustive switch does the dispatching.
 */
public record ClusterCommandDispatch(ClusterCommand command) {}
