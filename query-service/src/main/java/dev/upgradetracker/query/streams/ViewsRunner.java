package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.ConsumerStop;
import dev.upgradetracker.messaging.KafkaGate;
import dev.upgradetracker.query.web.ViewsNotReady;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs the views topology for the life of the service and answers queries from its stores. */
@Component
public class ViewsRunner implements SmartLifecycle, LocalStores {

  /**
   * The views' record cache: what changed between two commits (100 ms) is written and sent on once;
   * a query reads through it, so it sees every change at once.
   */
  private static final long LIVE_CACHE_BYTES = 16L * 1024 * 1024;

  private final StreamsSettings settings;
  private final KafkaGate gate;
  private final ViewsTopologyFactory topology;
  private final ConsumerStop stop;
  private volatile boolean running;
  private volatile KafkaStreams streams;
  private volatile HostInfo self;

  public ViewsRunner(StreamsSettings settings, KafkaGate gate, ViewsTopologyFactory topology) {
    this.settings = settings;
    this.gate = gate;
    this.stop = new ConsumerStop("query service", "view tasks", settings.kafka().instance());
    this.topology = topology;
  }

  /** Other instances find this one's stores at the port the web server got. */
  @EventListener
  void onWebServer(WebServerInitializedEvent event) {
    self = new HostInfo(settings.advertisedHostOrAddress(), event.getWebServer().getPort());
  }

  @Override
  public void start() {
    running = true;
    gate.whenOpen("the views (Kafka Streams)", this::startStreams);
  }

  private synchronized void startStreams() {
    if (!running) {
      return;
    }
    var topics = settings.topics();
    var props =
        StreamsProperties.of(
            settings.connection(),
            topics.group(settings.applicationId()),
            settings.stateDir(),
            LIVE_CACHE_BYTES);
    if (self != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    }
    // A view's store, what it sends on (team tallies, activity, changes) and its input offsets are
    // committed together: with at-least-once, an instance killed between them left a team's
    // summary counting a change twice or never (the fleet drill), unlike a rebuild from the log.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    var instance = settings.kafka().instance();
    if (!instance.isEmpty()) {
      // Kafka Streams names each stream thread's member after it: instance-1, instance-2, ...
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instance);
    }
    streams = new KafkaStreams(topology.live(topics), props);
    streams.setUncaughtExceptionHandler(new ThreadReplacement(stop));
    streams.start();
  }

  /** One of the views' stores, as far as this instance holds it. */
  @Override
  public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    var current = running();
    try {
      return current.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ViewsNotReady(current.state().name());
    }
  }

  @Override
  public <V> List<ReadOnlyKeyValueStore<String, V>> partitionsOf(String name) {
    var current = running();
    var held = new ArrayList<ReadOnlyKeyValueStore<String, V>>();
    for (int partition = 0; partition < settings.partitions(); partition++) {
      try {
        ReadOnlyKeyValueStore<String, V> store =
            current.store(
                StoreQueryParameters.fromNameAndType(
                        name, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(partition));
        // the store is looked up lazily: a partition held elsewhere shows on first use
        store.approximateNumEntries();
        held.add(store);
      } catch (InvalidStateStoreException elsewhere) {
        // another instance holds this partition
      }
    }
    return held;
  }

  /** The instance holding {@code key} of store {@code name}, when it is not this one. */
  public Optional<HostInfo> remoteOwner(String name, String key) {
    var metadata = running().queryMetadataForKey(name, key, Serdes.String().serializer());
    if (metadata == null
        || metadata == KeyQueryMetadata.NOT_AVAILABLE
        || metadata.activeHost().equals(self)
        || metadata.activeHost().equals(HostInfo.unavailable())) {
      return Optional.empty();
    }
    return Optional.of(metadata.activeHost());
  }

  /** Every other instance of the views, by the address its stores answer at. */
  public List<HostInfo> otherInstances() {
    return running().metadataForAllStreamsClients().stream()
        .map(StreamsMetadata::hostInfo)
        .filter(host -> !host.equals(self) && !host.equals(HostInfo.unavailable()))
        .distinct()
        .toList();
  }

  private KafkaStreams running() {
    var current = streams;
    if (current == null || current.state() != KafkaStreams.State.RUNNING) {
      throw new ViewsNotReady(current == null ? "NOT_STARTED" : current.state().name());
    }
    return current;
  }

  /** For metrics: the running Kafka Streams, if any. */
  public Optional<KafkaStreams> streams() {
    return Optional.ofNullable(streams);
  }

  /** Why the views stopped while the service runs, if they did. */
  public Optional<String> stopped() {
    return stop.why();
  }

  public KafkaStreams.State state() {
    var current = streams;
    return current == null ? KafkaStreams.State.CREATED : current.state();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
