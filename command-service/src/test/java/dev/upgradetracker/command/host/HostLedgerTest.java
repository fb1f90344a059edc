package dev.upgradetracker.command.host;

import static dev.upgradetracker.command.cluster.model.Clusters.twoOwnHostsThreeGuests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.command.host.model.HostEntry;
import dev.upgradetracker.command.host.model.LedgerFacts;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.events.host.HostEvent.HostAssigned;
import dev.upgradetracker.events.host.HostEvent.HostReassigned;
import dev.upgradetracker.events.host.HostEvent.HostReleased;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's tables, on a real database: what its keys refuse even when two writers race. */
class HostLedgerTest {

  private final HostLedger ledger = Ledgers.assigning(twoOwnHostsThreeGuests("c1"));

  @Test
  void placingAClusterRecordsItsHostsAndAnUpdateReleasesTheHostsItDropped() {
    ledger.placeCluster("c1", List.of("c1-h1", "c1-h2"));
    assertThat(ledger.lock(List.of("c1-h1", "c1-h2")).values())
        .extracting(HostEntry::clusterId)
        .containsOnly("c1");

    ledger.placeCluster("c1", List.of("c1-h1"));

    assertThat(ledger.find("c1-h2")).get().extracting(HostEntry::clusterId).isNull();
    assertThat(ledger.find("c1-h1")).get().extracting(HostEntry::clusterId).isEqualTo("c1");
  }

  @Test
  void aHostInOneClusterCannotBePlacedInAnother() {
    ledger.placeCluster("c1", List.of("c1-h1", "c1-h2"));

    assertThatThrownBy(() -> ledger.placeCluster("c2", List.of("c1-h2")))
        .isInstanceOf(HostTaken.class)
        .hasMessageStartingWith("host c1-h2 is in cluster c1");
  }

  @Test
  void theAddressKeyRefusesASecondHostAtOneAddress() {
    assertThatThrownBy(() -> ledger.record(new HostAssigned("other", "c1-h1:22", "alpha")))
        .isInstanceOf(HostTaken.class);
    assertThat(ledger.find("other")).isEmpty();
  }

  @Test
  void reassigningAndReleasingChangeTheEntry() {
    ledger.record(new HostReassigned("c1-h1", "c1-h1:2222", "bravo", "c1-h1:22", "alpha"));
    ledger.record(new HostReleased("c1-h2", "c1-h2:22", "alpha"));

    assertThat(ledger.find("c1-h1")).contains(new HostEntry("c1-h1", "c1-h1:2222", "bravo", null));
    assertThat(ledger.find("c1-h2")).isEmpty();
    assertThat(ledger.list("bravo", null, 10)).extracting(HostEntry::host).containsExactly("c1-h1");
    assertThat(ledger.list(null, "c1-h1", 10)).isEmpty();
  }

  @Test
  void factsNameTheClusterOfTheHostAndTheHolderOfTheAddress() {
    ledger.placeCluster("c1", List.of("c1-h1"));

    assertThat(ledger.factsFor("c1-h1", "c1-h2:22")).isEqualTo(new LedgerFacts("c1", "c1-h2"));
    assertThat(ledger.factsFor("new", "new:22")).isEqualTo(new LedgerFacts(null, null));
  }
}
