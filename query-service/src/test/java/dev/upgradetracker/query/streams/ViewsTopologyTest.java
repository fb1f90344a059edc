package dev.upgradetracker.query.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgradeStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.NodeUpgraded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.cluster.ClusterView;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewsTopologyTest {

  private TopologyTestDriver driver;
  private TestInputTopic<String, EventEnvelope> events;
  private KeyValueStore<String, ClusterView> views;

  @BeforeEach
  void setUp() {
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ViewsTopology.build(), props);
    events = driver.createInputTopic(Topics.EVENTS, new StringSerializer(), JsonSerde.envelopes());
    views = driver.getKeyValueStore(ViewsTopology.CLUSTER_VIEWS);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aRegisteredClusterShowsItsHostsAndGuests() {
    send(0, registered());

    var view = views.get("c1");
    assertThat(view.team()).isEqualTo("alpha");
    assertThat(view.hosts()).extracting(ClusterView.HostView::name).containsExactly("h1", "h2");
    assertThat(view.guests())
        .extracting(g -> g.name() + "@" + g.host())
        .containsExactly("g1@h1", "g2@h2");
  }

  @Test
  void aMoveShowsAsAnActionThenTheGuestOnItsNewHost() {
    send(0, registered());
    send(
        1,
        new HostActionRequested(
            "c1", "a1", "h1", "127.0.0.1:1", new HostAction.MoveGuest("g1", "h1", "h2")));
    assertThat(views.get("c1").actions())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("REQUESTED"));

    send(
        2,
        new HostActionSucceeded(
            "c1",
            "a1",
            "h1",
            new ActionOutcome(
                ActionStatus.SUCCEEDED, 0, "ok", 5, List.of("cmrunpkg -n h2 g1"), "fp")));
    send(3, new GuestMoved("c1", "g1", "h1", "h2", "a1"));

    var view = views.get("c1");
    assertThat(view.guests()).extracting(g -> g.name() + "@" + g.host()).contains("g1@h2");
    assertThat(view.actions())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("SUCCEEDED"));
    assertThat(view.lastSequence()).isEqualTo(3);
  }

  @Test
  void anEventDeliveredAgainChangesNothing() {
    send(0, registered());
    send(1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));
    send(2, new GuestMoved("c1", "g1", "h2", "h1", "a2"));

    send(1, new GuestMoved("c1", "g1", "h1", "h2", "a1"));

    assertThat(views.get("c1").guests())
        .extracting(g -> g.name() + "@" + g.host())
        .contains("g1@h1");
    assertThat(views.get("c1").lastSequence()).isEqualTo(2);
  }

  @Test
  void anUpgradedNodeShowsItsNewVersions() {
    send(0, registered());
    send(1, new NodeUpgradeStarted("c1", "h2", UpgradeMode.UPDATE, false, "u1"));
    assertThat(views.get("c1").hosts().get(1).upgrading()).isTrue();

    send(
        2, new NodeUpgraded("c1", "h2", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "u1"));

    assertThat(views.get("c1").hosts().get(1))
        .isEqualTo(new ClusterView.HostView("h2", "B.11.31", "B.04.00", "A.11.18", false, true));
  }

  private void send(long sequence, ClusterEvent event) {
    events.pipeInput(
        event.clusterId(),
        new EventEnvelope(
            "e" + sequence,
            event.clusterId(),
            sequence,
            Instant.parse("2026-11-25T10:00:00Z"),
            "alpha",
            "anna",
            "r1",
            "c" + sequence,
            event));
  }

  private static ClusterRegistered registered() {
    return new ClusterRegistered(
        "c1",
        "alpha",
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(
            new VmHost("h1", "127.0.0.1:1", "B.11.23", "A.03.50", "A.11.18"),
            new VmHost("h2", "127.0.0.1:2", "B.11.23", "A.03.50", "A.11.18")),
        List.of(new Guest("g1", "h1", "A.03.50"), new Guest("g2", "h2", "A.03.50")),
        List.of());
  }
}
