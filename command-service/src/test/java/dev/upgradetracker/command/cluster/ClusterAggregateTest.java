package dev.upgradetracker.command.cluster;

import static dev.upgradetracker.command.cluster.Clusters.twoHostsThreeGuests;

import dev.upgradetracker.command.refusal.InvalidMoveTarget;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RequestGuestMove;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterAggregateTest {

  private AggregateTestFixture<ClusterAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ClusterAggregate.class);
    fixture.registerCommandTargetResolver(
        message -> new VersionedAggregateIdentifier(((ClusterCommand) message.getPayload()).clusterId(), null));
  }

  @Test
  void aRegisteredClusterAcceptsAMoveRequest() {
    var spec = twoHostsThreeGuests("c1");
    fixture
        .given(new ClusterRegistered("c1", spec.team(), spec.topology(), spec.hosts(), spec.guests()))
        .when(new RequestGuestMove("c1", "g1", "h2", "a1"))
        .expectEvents(
            new HostActionRequested("c1", "a1", "h1", "127.0.0.1:22001", new HostAction.MoveGuest("g1", "h1", "h2")));
  }

  @Test
  void registrationCreatesTheAggregate() {
    var spec = twoHostsThreeGuests("c1");
    fixture
        .givenNoPriorActivity()
        .when(new RegisterCluster(spec))
        .expectEvents(new ClusterRegistered("c1", spec.team(), spec.topology(), spec.hosts(), spec.guests()));
  }

  @Test
  void aRefusedMoveWritesNothing() {
    var spec = twoHostsThreeGuests("c1");
    fixture
        .given(new ClusterRegistered("c1", spec.team(), spec.topology(), spec.hosts(), spec.guests()))
        .when(new RequestGuestMove("c1", "g1", "h9", "a1"))
        .expectException(InvalidMoveTarget.class)
        .expectNoEvents();
  }
}
