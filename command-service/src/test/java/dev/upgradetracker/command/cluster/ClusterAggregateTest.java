package dev.upgradetracker.command.cluster;

import static dev.upgradetracker.command.cluster.model.Clusters.twoHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.command.axon.AxonSetup;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.cluster.model.InvalidMoveTarget;
import dev.upgradetracker.command.host.HostLedger;
import dev.upgradetracker.command.host.Ledgers;
import dev.upgradetracker.command.host.model.HostEntry;
import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.host.HostEvent.HostReassigned;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Axon shell: commands through the bus, metadata's team checked, events applied. */
class ClusterAggregateTest {

  private AggregateTestFixture<ClusterAggregate> fixture;
  private final ClusterRegistered registered = registered();
  private final HostLedger hosts = Ledgers.assigning(twoHostsThreeGuests("c1"));

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ClusterAggregate.class);
    fixture.registerCommandTargetResolver(
        message ->
            AxonSetup.target(
                ((ClusterCommandDispatch) message.getPayload()).command().clusterId()));
    fixture.registerInjectableResource(hosts);
  }

  @Test
  void registrationCreatesTheAggregate() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ClusterCommandDispatch(new RegisterCluster(twoHostsThreeGuests("c1"))),
            Map.of("team", "alpha"))
        .expectEvents(registered);
    assertThat(hosts.find("h1")).get().extracting(HostEntry::clusterId).isEqualTo("c1");
  }

  @Test
  void registrationOverAHostOfAnotherTeamIsRefusedAndWritesNothing() {
    hosts.record(new HostReassigned("h2", "127.0.0.1:22002", "bravo", "127.0.0.1:22002", "alpha"));

    fixture
        .givenNoPriorActivity()
        .when(
            new ClusterCommandDispatch(new RegisterCluster(twoHostsThreeGuests("c1"))),
            Map.of("team", "alpha"))
        .expectException(NotOwner.class)
        .expectExceptionMessage(
            "R8 owner-only: host h2 belongs to team bravo; team alpha may only read it")
        .expectNoEvents();
    assertThat(hosts.find("h1")).get().extracting(HostEntry::clusterId).isNull();
  }

  @Test
  void registrationOverAHostOfAnotherClusterIsRefusedAndWritesNothing() {
    hosts.placeCluster("c0", List.of("h2"));

    fixture
        .givenNoPriorActivity()
        .when(
            new ClusterCommandDispatch(new RegisterCluster(twoHostsThreeGuests("c1"))),
            Map.of("team", "alpha"))
        .expectException(HostTaken.class)
        .expectNoEvents();
    assertThat(hosts.find("h2")).get().extracting(HostEntry::clusterId).isEqualTo("c0");
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
    return ClusterRegistered.of(twoHostsThreeGuests("c1"));
  }
}
