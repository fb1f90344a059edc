package dev.upgradetracker.command.host.model;

import static dev.upgradetracker.command.cluster.model.Clusters.twoOwnHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.fleet.ClusterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostOwnershipTest {

  private final ClusterSpec c1 = twoOwnHostsThreeGuests("c1");

  @Test
  void aClusterOverItsTeamsFreeHostsPasses() {
    assertThatCode(
            () ->
                HostOwnership.check(
                    c1,
                    Map.of(
                        "c1-h1", new HostEntry("c1-h1", "c1-h1:22", "alpha", null),
                        "c1-h2", new HostEntry("c1-h2", "c1-h2:22", "alpha", "c1"))))
        .doesNotThrowAnyException();
  }

  @Test
  void aHostOfAnotherTeamIsRefusedByR8() {
    assertThatThrownBy(
            () ->
                HostOwnership.check(
                    c1,
                    Map.of(
                        "c1-h1", new HostEntry("c1-h1", "c1-h1:22", "alpha", null),
                        "c1-h2", new HostEntry("c1-h2", "c1-h2:22", "bravo", null))))
        .isInstanceOf(NotOwner.class)
        .hasMessage("R8 owner-only: host c1-h2 belongs to team bravo; team alpha may only read it");
  }

  @Test
  void anUnassignedHostIsRefusedByR8SayingWhoAssignsIt() {
    assertThatThrownBy(() -> HostOwnership.check(c1, Map.of()))
        .isInstanceOf(NotOwner.class)
        .hasMessageContaining("host c1-h1 is assigned to no team; an admin assigns it");
  }

  @Test
  void aHostInAnotherClusterIsTaken() {
    assertThatThrownBy(
            () ->
                HostOwnership.check(
                    c1,
                    Map.of(
                        "c1-h1", new HostEntry("c1-h1", "c1-h1:22", "alpha", "c9"),
                        "c1-h2", new HostEntry("c1-h2", "c1-h2:22", "alpha", null))))
        .isInstanceOf(HostTaken.class)
        .hasMessage("host c1-h1 is in cluster c9; a host is in at most one cluster");
  }

  @Test
  void aHostListedAtAnotherAddressThanAssignedIsRefused() {
    assertThatThrownBy(
            () ->
                HostOwnership.check(
                    c1,
                    Map.of(
                        "c1-h1", new HostEntry("c1-h1", "10.0.0.9:22", "alpha", null),
                        "c1-h2", new HostEntry("c1-h2", "c1-h2:22", "alpha", null))))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("hosts[0].sshAddress: host c1-h1 is assigned at 10.0.0.9:22, not at c1-h1:22");
  }
}
