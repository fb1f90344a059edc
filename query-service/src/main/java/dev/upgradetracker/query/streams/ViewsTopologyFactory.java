package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.Topics;
import org.apache.kafka.streams.Topology;

/**
 * The live views' topology, as the service composes it from its features: the runner runs it
 * without knowing them.
 */
@FunctionalInterface
public interface ViewsTopologyFactory {

  Topology live(Topics topics);
}
