package dev.upgradetracker.query.views;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.live.ViewChange;
import dev.upgradetracker.query.streams.LocalStores;
import dev.upgradetracker.query.web.ViewAdvances;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The views topology under Kafka Streams' test driver, fed events as a publisher would send them.
 */
public final class ViewsDriver implements AutoCloseable {

  public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, EventEnvelope> events;
  private final TestInputTopic<String, CampaignEnvelope> campaignEvents;
  private final TestOutputTopic<String, ViewChange> changes;
  private final Map<String, Long> sequences = new HashMap<>();

  public ViewsDriver() {
    this(ViewsTopology.Run.LIVE);
  }

  public ViewsDriver(ViewsTopology.Run run) {
    this(run, new ViewAdvances());
  }

  /** The live views, telling {@code advances} of every fold. */
  public ViewsDriver(ViewAdvances advances) {
    this(ViewsTopology.Run.LIVE, advances);
  }

  private ViewsDriver(ViewsTopology.Run run, ViewAdvances advances) {
    var props = new Properties();
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, "views-test-" + run.name().toLowerCase(Locale.ROOT));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ViewsTopology.build(run, Topics.DEFAULT, advances), props);
    events =
        driver.createInputTopic(
            Topics.DEFAULT.events(), new StringSerializer(), JsonSerde.envelopes());
    campaignEvents =
        driver.createInputTopic(
            Topics.DEFAULT.campaignEvents(), new StringSerializer(), JsonSerde.campaignEnvelopes());
    changes =
        run == ViewsTopology.Run.REBUILD
            ? null
            : driver.createOutputTopic(
                Topics.DEFAULT.viewChanges(),
                new StringDeserializer(),
                new JsonSerde<>(ViewChange.class));
  }

  /** Sends the cluster's next event, {@code seconds} after {@link #T0}, by {@code team}. */
  public void send(String team, long seconds, ClusterEvent event) {
    long sequence = sequences.merge("cluster:" + event.clusterId(), 1L, Long::sum) - 1;
    send(sequence, team, seconds, event);
  }

  /** Sends a cluster event at an explicit position (e.g. one delivered twice). */
  public void send(long sequence, String team, long seconds, ClusterEvent event) {
    events.pipeInput(
        event.clusterId(),
        new EventEnvelope(
            "e" + event.clusterId() + sequence,
            event.clusterId(),
            sequence,
            T0.plusSeconds(seconds),
            team,
            "anna",
            null,
            "r1",
            "c" + sequence,
            event,
            null,
            null));
  }

  public void send(long seconds, CampaignEvent event) {
    long sequence = sequences.merge("campaign:" + event.campaignId(), 1L, Long::sum) - 1;
    campaignEvents.pipeInput(
        event.campaignId(),
        new CampaignEnvelope(
            "e" + event.campaignId() + sequence,
            event.campaignId(),
            sequence,
            T0.plusSeconds(seconds),
            "alpha",
            "anna",
            null,
            "r1",
            "c" + sequence,
            event,
            null,
            null));
  }

  /** A view once whatever the topology held back (a rebuild does) was sent on. */
  public <V> V view(String store, String key) {
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    return driver.<String, V>getKeyValueStore(store).get(key);
  }

  /** The driver's stores, read as a running instance reads its own. */
  public LocalStores stores() {
    return new LocalStores() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
      }

      @Override
      public <V> List<ReadOnlyKeyValueStore<String, V>> partitionsOf(String name) {
        return List.of(store(name));
      }
    };
  }

  List<ViewChange> changes() {
    return changes.readValuesToList();
  }

  /** Hosts h1, h2; guests g1 on h1, g2 on h2. */
  public static ClusterEvent.ClusterRegistered cluster(String clusterId, String team) {
    return registered(
        Fleets.cluster(clusterId).team(team).localNames().portsFrom(1).guestsPerHost(1, 1).build());
  }

  public static ClusterEvent.ClusterRegistered registered(ClusterSpec cluster) {
    return ClusterEvent.ClusterRegistered.of(cluster);
  }

  @Override
  public void close() {
    driver.close();
  }
}
