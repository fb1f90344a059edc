package dev.upgradetracker.command.host.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.host.model.HostState.Assigned;
import dev.upgradetracker.command.host.model.HostState.Unassigned;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.host.HostCommand.AssignHost;
import dev.upgradetracker.events.host.HostCommand.ReleaseHost;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import dev.upgradetracker.events.host.HostEvent.HostReassigned;
import dev.upgradetracker.events.host.HostEvent.HostReleased;
import org.junit.jupiter.api.Test;

class HostDeciderTest {

  private static final LedgerFacts FREE = new LedgerFacts(null, null);
  private final Assigned alphas = new Assigned("h1", "h1.example:22", "alpha");

  @Test
  void anUnassignedHostIsAssignedAtItsAddressInCanonicalForm() {
    var events =
        HostDecider.decide(new AssignHost("h1", "H1.Example:22", "alpha"), new Unassigned(), FREE);

    assertThat(events).containsExactly(new HostAssigned("h1", "h1.example:22", "alpha"));
    assertThat(HostDecider.change(events)).isEqualTo(HostChange.ASSIGNED);
  }

  @Test
  void assigningAHostAsItIsChangesNothing() {
    var events = HostDecider.decide(new AssignHost("h1", "h1.example:22", "alpha"), alphas, FREE);

    assertThat(events).isEmpty();
    assertThat(HostDecider.change(events)).isEqualTo(HostChange.UNCHANGED);
  }

  @Test
  void aHostInNoClusterIsReassignedRecordingWhatItWas() {
    var events = HostDecider.decide(new AssignHost("h1", "h1.example:22", "bravo"), alphas, FREE);

    assertThat(events)
        .containsExactly(
            new HostReassigned("h1", "h1.example:22", "bravo", "h1.example:22", "alpha"));
  }

  @Test
  void aHostInAClusterIsNeitherReassignedNorReleased() {
    var inCluster = new LedgerFacts("c1", "h1");

    assertThatThrownBy(
            () ->
                HostDecider.decide(
                    new AssignHost("h1", "h1.example:22", "bravo"), alphas, inCluster))
        .isInstanceOf(HostTaken.class)
        .hasMessageContaining("host h1 is in cluster c1");
    assertThatThrownBy(
            () ->
                HostDecider.decide(
                    new AssignHost("h1", "h1-new.example:22", "alpha"), alphas, inCluster))
        .isInstanceOf(HostTaken.class);
    assertThatThrownBy(() -> HostDecider.decide(new ReleaseHost("h1"), alphas, inCluster))
        .isInstanceOf(HostTaken.class);
  }

  @Test
  void anAddressNamesOneHost() {
    assertThatThrownBy(
            () ->
                HostDecider.decide(
                    new AssignHost("h2", "h1.example:22", "alpha"),
                    new Unassigned(),
                    new LedgerFacts(null, "h1")))
        .isInstanceOf(HostTaken.class)
        .hasMessage("address h1.example:22 is assigned to host h1");
  }

  @Test
  void releasingFreesTheHostAndAnUnknownHostCannotBeReleased() {
    assertThat(HostDecider.decide(new ReleaseHost("h1"), alphas, FREE))
        .containsExactly(new HostReleased("h1", "h1.example:22", "alpha"));
    assertThatThrownBy(() -> HostDecider.decide(new ReleaseHost("h1"), new Unassigned(), FREE))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void malformedNamesAndAddressesAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                HostDecider.decide(
                    new AssignHost("h1;reboot", "h1:22", "alpha"), new Unassigned(), FREE))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("host:");
    assertThatThrownBy(
            () ->
                HostDecider.decide(
                    new AssignHost("h1", "h1 -oProxyCommand=x", "alpha"), new Unassigned(), FREE))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("sshAddress:");
    assertThatThrownBy(
            () -> HostDecider.decide(new AssignHost("h1", "h1:22", null), new Unassigned(), FREE))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("team:");
  }
}
