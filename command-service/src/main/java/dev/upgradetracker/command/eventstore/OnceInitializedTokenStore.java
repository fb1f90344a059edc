package dev.upgradetracker.command.eventstore;

import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JPA token store, whose segments of a processor are created by one instance only. Two
 * command services starting together on an empty PostgreSQL store both found no segments and both
 * inserted them; the second's failed insert marked its transaction rollback-only, which Axon's
 * processor start did not expect, and the whole service failed to start. Here the creation first
 * takes an advisory lock for the processor (held to the end of the transaction) and looks again:
 * the instance that waited finds the segments the other made. An H2 file store has one process.
 */
final class OnceInitializedTokenStore extends JpaTokenStore {

  private final JdbcTemplate jdbc;
  private final boolean shared;

  private OnceInitializedTokenStore(Builder builder, JdbcTemplate jdbc, boolean shared) {
    super(builder);
    this.jdbc = jdbc;
    this.shared = shared;
  }

  static OnceInitializedTokenStore create(
      EntityManagerProvider entityManagers,
      Serializer serializer,
      Duration claimTimeout,
      JdbcTemplate jdbc) {
    var database =
        jdbc.execute(
            (ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
    return new OnceInitializedTokenStore(
        JpaTokenStore.builder()
            .entityManagerProvider(entityManagers)
            .serializer(serializer)
            .claimTimeout(claimTimeout),
        jdbc,
        "PostgreSQL".equals(database));
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken) {
    if (shared) {
      jdbc.query(
          "select pg_advisory_xact_lock(hashtext(?))", rows -> null, "tokens:" + processorName);
      if (fetchSegments(processorName).length > 0) {
        return;
      }
    }
    super.initializeTokenSegments(processorName, segmentCount, initialToken);
  }
}
