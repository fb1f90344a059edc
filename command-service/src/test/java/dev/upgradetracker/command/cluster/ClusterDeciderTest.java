package dev.upgradetracker.command.cluster;

import static dev.upgradetracker.command.cluster.Clusters.result;
import static dev.upgradetracker.command.cluster.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.InvalidMoveTarget;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RequestGuestMove;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionFailed;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDeciderTest {

  @Test
  void registersAValidCluster() {
    var events = when(List.of(), new RegisterCluster(twoHostsThreeGuests("c1")));

    assertThat(events).singleElement().isInstanceOf(ClusterEvent.ClusterRegistered.class);
  }

  @Test
  void refusesToRegisterAClusterTwice() {
    assertThatThrownBy(() -> when(registered("c1"), new RegisterCluster(twoHostsThreeGuests("c1"))))
        .isInstanceOf(AlreadyExists.class)
        .hasMessage("cluster c1 already exists");
  }

  @Test
  void refusesAClusterWhoseGuestRunsOnAnUnknownHostNamingTheField() {
    var spec = twoHostsThreeGuests("c1");
    var broken =
        new ClusterSpec(spec.id(), spec.team(), spec.topology(), spec.hosts().subList(0, 1), spec.guests());

    assertThatThrownBy(() -> when(List.of(), new RegisterCluster(broken)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("guests[2].host: host h2 is not a host of this cluster");
  }

  @Test
  void movingAGuestRequestsAHostActionOnTheNodeItRunsOn() {
    var events = when(registered("c1"), new RequestGuestMove("c1", "g1", "h2", "a1"));

    assertThat(events)
        .containsExactly(
            new HostActionRequested("c1", "a1", "h1", "127.0.0.1:22001", new HostAction.MoveGuest("g1", "h1", "h2")));
  }

  @Test
  void refusesAMoveToANodeOutsideTheClusterUnderR5() {
    assertThatThrownBy(() -> when(registered("c1"), new RequestGuestMove("c1", "g1", "h9", "a1")))
        .isInstanceOfSatisfying(InvalidMoveTarget.class, e -> assertThat(e.rule()).isEqualTo(Rule.R5))
        .hasMessage("R5 valid-move-target: guest g1 cannot move to h9: it is not a node of cluster c1");
  }

  @Test
  void refusesAMoveToTheNodeTheGuestAlreadyRunsOn() {
    assertThatThrownBy(() -> when(registered("c1"), new RequestGuestMove("c1", "g1", "h1", "a1")))
        .isInstanceOf(InvalidMoveTarget.class)
        .hasMessageEndingWith("the guest already runs there");
  }

  @Test
  void refusesAMoveInAClusterWhereGuestsAreNodes() {
    var spec = twoHostsThreeGuests("c1");
    var asNodes =
        new ClusterSpec(spec.id(), spec.team(), Topology.GUESTS_AS_NODES, spec.hosts(), spec.guests());
    var given = ClusterDecider.decide(new RegisterCluster(asNodes), new ClusterState.Unregistered());

    assertThatThrownBy(() -> when(given, new RequestGuestMove("c1", "g1", "h2", "a1")))
        .isInstanceOf(InvalidMoveTarget.class);
  }

  @Test
  void refusesASecondMoveOfAGuestWhileTheFirstRuns() {
    var given = withMoveRequested("c1", "a1");

    assertThatThrownBy(() -> when(given, new RequestGuestMove("c1", "g1", "h2", "a2")))
        .isInstanceOf(ActionInProgress.class)
        .hasMessageContaining("a1");
  }

  @Test
  void repeatingAMoveRequestWithTheSameActionIdChangesNothing() {
    assertThat(when(withMoveRequested("c1", "a1"), new RequestGuestMove("c1", "g1", "h2", "a1"))).isEmpty();
  }

  @Test
  void refusesCommandsForAnUnknownCluster() {
    assertThatThrownBy(() -> when(List.of(), new RequestGuestMove("c9", "g1", "h2", "a1")))
        .isInstanceOf(NotFound.class)
        .hasMessage("cluster c9 does not exist");
  }

  @Test
  void aSuccessfulMoveMovesTheGuest() {
    var events =
        when(withMoveRequested("c1", "a1"), new RecordActionResult("c1", result("c1", "a1", ActionStatus.SUCCEEDED, 0)));

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(HostActionSucceeded.class);
    assertThat(events.get(1)).isEqualTo(new GuestMoved("c1", "g1", "h1", "h2", "a1"));
  }

  @Test
  void aMoveTheProbeFoundDoneAlsoMovesTheGuest() {
    var events =
        when(withMoveRequested("c1", "a1"), new RecordActionResult("c1", result("c1", "a1", ActionStatus.ALREADY_DONE, 0)));

    assertThat(events).last().isEqualTo(new GuestMoved("c1", "g1", "h1", "h2", "a1"));
  }

  @Test
  void aFailedMoveLeavesTheGuestWhereItWas() {
    var events =
        when(withMoveRequested("c1", "a1"), new RecordActionResult("c1", result("c1", "a1", ActionStatus.FAILED, 1)));

    assertThat(events).singleElement().isInstanceOf(HostActionFailed.class);
  }

  @Test
  void aRepeatedActionResultIsRecordedOnce() {
    var given = new ArrayList<>(withMoveRequested("c1", "a1"));
    var report = new RecordActionResult("c1", result("c1", "a1", ActionStatus.SUCCEEDED, 0));
    given.addAll(when(given, report));

    assertThat(when(given, report)).isEmpty();
  }

  private static List<ClusterEvent> registered(String id) {
    return ClusterDecider.decide(new RegisterCluster(twoHostsThreeGuests(id)), new ClusterState.Unregistered());
  }

  private static List<ClusterEvent> withMoveRequested(String id, String actionId) {
    var given = new ArrayList<>(registered(id));
    given.addAll(when(given, new RequestGuestMove(id, "g1", "h2", actionId)));
    return given;
  }

  private static List<ClusterEvent> when(List<ClusterEvent> given, ClusterCommand command) {
    ClusterState state = new ClusterState.Unregistered();
    for (var event : given) {
      state = ClusterDecider.evolve(state, event);
    }
    return ClusterDecider.decide(command, state);
  }
}
