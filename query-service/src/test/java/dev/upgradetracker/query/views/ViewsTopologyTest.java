package dev.upgradetracker.query.views;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.query.cluster.ClusterView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViewsTopologyTest {

  private final ViewsDriver driver = new ViewsDriver();

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void aRegisteredClusterShowsItsHostsAndGuests() {
    send(0, registered());

    var view = view();
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
    assertThat(view().actions())
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

    var view = view();
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

    assertThat(view().guests()).extracting(g -> g.name() + "@" + g.host()).contains("g1@h1");
    assertThat(view().lastSequence()).isEqualTo(2);
  }

  @Test
  void anUpgradedNodeShowsItsNewVersions() {
    send(0, registered());
    send(1, new NodeUpgradeStarted("c1", "h2", UpgradeMode.UPDATE, false, "u1"));
    assertThat(view().hosts().get(1).upgrading()).isTrue();

    send(
        2, new NodeUpgraded("c1", "h2", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "u1"));

    assertThat(view().hosts().get(1))
        .isEqualTo(
            new ClusterView.HostView(
                "h2", "127.0.0.1:2", "B.11.31", "B.04.00", "A.11.18", false, true, null));
  }

  @Test
  void aClusterShowsItsSiteAndEachHostItsAddressAndDepotThroughAnUpgradeAndAnInventoryUpdate() {
    var spec = Fleets.cluster("c1").localNames().portsFrom(1).at("east", "depot-east").build();
    send(0, ViewsDriver.registered(spec));
    send(
        1, new NodeUpgraded("c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "u1"));

    assertThat(view().site()).isEqualTo("east");
    assertThat(view().hosts()).extracting(ClusterView.HostView::depot).containsOnly("depot-east");
    assertThat(view().hosts())
        .extracting(ClusterView.HostView::sshAddress)
        .containsExactly("127.0.0.1:1", "127.0.0.1:2");

    send(
        2,
        new ClusterEvent.ClusterInventoryUpdated(
            "c1",
            spec.topology(),
            spec.clusterLock(),
            spec.hosts(),
            spec.guests(),
            spec.packages(),
            "west"));
    assertThat(view().site()).isEqualTo("west");
  }

  @Test
  void aFourKitWhileAHostRunsThreeXShowsAsAWarningUntilTheLastHostIsUpgraded() {
    var spec = ViewsDriver.cluster("c1", "alpha");
    var guests = new ArrayList<>(spec.guests());
    guests.set(0, new Guest("g1", "h1", "B.04.00"));
    send(
        0,
        new ClusterRegistered(
            "c1",
            "alpha",
            spec.topology(),
            spec.clusterLock(),
            spec.hosts(),
            guests,
            spec.packages(),
            null));

    assertThat(view().warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(InventoryWarning.Kind.KIT_BEFORE_LAST_HOST);
              assertThat(w.guests()).containsExactly("g1");
              assertThat(w.hosts()).containsExactly("h1", "h2");
            });

    send(
        1, new NodeUpgraded("c1", "h1", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "u1"));
    assertThat(view().warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.hosts()).containsExactly("h2"));

    send(
        2, new NodeUpgraded("c1", "h2", UpgradeMode.UPDATE, "B.11.31", "B.04.00", "A.11.18", "u2"));
    assertThat(view().warnings()).isEmpty();
  }

  private void send(long sequence, ClusterEvent event) {
    driver.send(sequence, "alpha", 0, event);
  }

  private ClusterView view() {
    return driver.view(ClusterView.STORE, "c1");
  }

  private static ClusterRegistered registered() {
    return ViewsDriver.cluster("c1", "alpha");
  }
}
