package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.cluster.ClusterView;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the views topology for the life of the service and answers queries from its stores. */
@Component
public class ViewsRunner implements SmartLifecycle {

  private final StreamsSettings settings;
  private volatile KafkaStreams streams;

  public ViewsRunner(StreamsSettings settings) {
    this.settings = settings;
  }

  @Override
  public void start() {
    Topics.ensureExist(settings.bootstrapServers(), settings.partitions(), settings.replicas());
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    // views must show a change at once, not after a cache flush
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    streams = new KafkaStreams(ViewsTopology.build(), props);
    streams.start();
  }

  /** The cluster's view; empty when no such cluster; throws while the views are not ready. */
  public Optional<ClusterView> cluster(String clusterId) {
    return Optional.ofNullable(clusterStore().get(clusterId));
  }

  public ReadOnlyKeyValueStore<String, ClusterView> clusterStore() {
    var current = streams;
    if (current == null || current.state() != KafkaStreams.State.RUNNING) {
      throw new ViewsNotReady(current == null ? "NOT_STARTED" : current.state().name());
    }
    try {
      return current.store(
          StoreQueryParameters.fromNameAndType(
              ViewsTopology.CLUSTER_VIEWS, QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ViewsNotReady(current.state().name());
    }
  }

  public KafkaStreams.State state() {
    var current = streams;
    return current == null ? KafkaStreams.State.CREATED : current.state();
  }

  @Override
  public void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null && streams.state().isRunningOrRebalancing();
  }
}
