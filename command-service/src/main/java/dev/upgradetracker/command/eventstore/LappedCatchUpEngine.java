package dev.upgradetracker.command.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine whose blocking reads end after {@value #LAP} events. The embedded store's one
 * reader, which fills the cache its processors follow, takes its next lap at once; but while one
 * read goes on, that reader keeps the event it started from in a local variable, and with it every
 * event read since: one read through a backlog held all of it (1,000,000 events behind a stopped
 * publisher filled a 1 GiB heap, ./bench publish 1000000). Reads that do not block (a processor
 * catching up on its own) are Axon's as they are.
 */
final class LappedCatchUpEngine extends JdbcEventStorageEngine {

  static final int LAP = EventStorageSetup.TAIL_CACHED;

  LappedCatchUpEngine(Builder builder) {
    super(builder);
  }

  @Override
  public Stream<? extends TrackedEventMessage<?>> readEvents(
      TrackingToken trackingToken, boolean mayBlock) {
    var events = super.readEvents(trackingToken, mayBlock);
    return mayBlock ? events.limit(LAP) : events;
  }
}
