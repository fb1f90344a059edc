package dev.upgradetracker.command.cluster;

import static dev.upgradetracker.command.cluster.Clusters.twoHostsThreeGuests;

import dev.upgradetracker.command.refusal.InvalidMoveTarget;
import dev.upgradetracker.command.refusal.NotOwner;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import java.util.Map;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Axon shell: commands through the bus, metadata's team checked, events applied. */
class ClusterAggregateTest {

  private AggregateTestFixture<ClusterAggregate> fixture;
  private final ClusterRegistered registered = registered();

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ClusterAggregate.class);
    fixture.registerCommandTargetResolver(
        message ->
            new VersionedAggregateIdentifier(
                ((ClusterCommandDispatch) message.getPayload()).command().clusterId(), null));
  }

  @Test
  void registrationCreatesTheAggregate() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ClusterCommandDispatch(new RegisterCluster(twoHostsThreeGuests("c1"))),
            Map.of("team", "alpha"))
        .expectEvents(registered);
  }

  @Test
  void theOwningTeamsMoveIsAccepted() {
    fixture
        .given(registered)
        .when(
            new ClusterCommandDispatch(new MoveGuests("c1", "g1", "h2", null, "a1")),
            Map.of("team", "alpha"))
        .expectEvents(
            new HostActionRequested(
                "c1", "a1", "h1", "127.0.0.1:22001", new HostAction.MoveGuest("g1", "h1", "h2")));
  }

  @Test
  void anotherTeamsCommandIsRefusedAndWritesNothing() {
    fixture
        .given(registered)
        .when(
            new ClusterCommandDispatch(new MoveGuests("c1", "g1", "h2", null, "a1")),
            Map.of("team", "bravo"))
        .expectException(NotOwner.class)
        .expectNoEvents();
  }

  @Test
  void aRuleBreachWritesNothing() {
    fixture
        .given(registered)
        .when(
            new ClusterCommandDispatch(new MoveGuests("c1", "g1", "h9", null, "a1")),
            Map.of("team", "alpha"))
        .expectException(InvalidMoveTarget.class)
        .expectNoEvents();
  }

  private static ClusterRegistered registered() {
    var spec = twoHostsThreeGuests("c1");
    return new ClusterRegistered(
        "c1",
        spec.team(),
        spec.topology(),
        spec.clusterLock(),
        spec.hosts(),
        spec.guests(),
        spec.packages());
  }
}
