package dev.upgradetracker.command.eventstore;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC token store, whose segments of a processor are created by one instance only. Two
 * command services starting together on an empty PostgreSQL store both found no segments and both
 * inserted them; the second's failed insert failed its transaction, which Axon's processor start
 * did not expect, and the whole service failed to start. Here the creation first takes an advisory
 * lock for the processor (held to the end of the transaction) and looks again: the instance that
 * waited finds the segments the other made. An H2 file store has one process.
 */
final class OnceInitializedTokenStore extends JdbcTokenStore {

  private final TransactionLocks locks;

  private OnceInitializedTokenStore(Builder builder, TransactionLocks locks) {
    super(builder);
    this.locks = locks;
  }

  static OnceInitializedTokenStore create(
      ConnectionProvider connections,
      Serializer serializer,
      Duration claimTimeout,
      TransactionLocks locks) {
    return new OnceInitializedTokenStore(
        JdbcTokenStore.builder()
            .connectionProvider(connections)
            .schema(StoreTables.TOKENS)
            .serializer(serializer)
            .claimTimeout(claimTimeout),
        locks);
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken) {
    if (locks.shared()) {
      locks.lock("tokens:" + processorName);
      if (fetchSegments(processorName).length > 0) {
        return;
      }
    }
    super.initializeTokenSegments(processorName, segmentCount, initialToken);
  }
}
