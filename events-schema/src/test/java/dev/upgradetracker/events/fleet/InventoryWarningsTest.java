package dev.upgradetracker.events.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.InventoryWarning.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryWarningsTest {

  private static final String V2 = "B.11.23";
  private static final String V3 = "B.11.31";

  @Test
  void aClusterAsTheProcedureLeavesItAtAnyStepHasNoWarning() {
    var midRoll =
        List.of(host("h1", V3, "B.04.00", "A.11.19"), host("h2", V2, "A.03.50", "A.11.17"));
    var kitsPending =
        List.of(host("h1", V3, "B.04.00", "A.11.19"), host("h2", V3, "B.04.00", "A.11.18"));

    assertThat(InventoryWarnings.of(midRoll, List.of(guest("g1", "h1", "A.03.50")))).isEmpty();
    assertThat(InventoryWarnings.of(kitsPending, List.of(guest("g1", "h1", "A.03.50")))).isEmpty();
    assertThat(InventoryWarnings.of(kitsPending, List.of(guest("g1", "h1", "B.04.00")))).isEmpty();
  }

  @Test
  void aFourKitWhileHostsRunThreeXIsFlaggedUnderR4NamingGuestsAndHosts() {
    var hosts = List.of(host("h1", V2, "A.03.50", "A.11.18"), host("h2", V3, "B.04.00", "A.11.19"));

    var warnings =
        InventoryWarnings.of(
            hosts, List.of(guest("g1", "h2", "B.04.00"), guest("g2", "h1", "A.03.50")));

    assertThat(warnings).hasSize(1);
    var warning = warnings.getFirst();
    assertThat(warning.kind()).isEqualTo(Kind.KIT_BEFORE_LAST_HOST);
    assertThat(warning.rule()).isEqualTo("R4");
    assertThat(warning.guests()).containsExactly("g1");
    assertThat(warning.hosts()).containsExactly("h1");
    assertThat(warning.message()).contains("1 guest runs the 4.0 guest kit while hosts h1");
  }

  @Test
  void aHostOnFourZeroOverElevenTwentyThreeOrAnOldServiceguardIsFlaggedAndNotAtTarget() {
    var onV2 = host("h1", V2, "B.04.00", "A.11.19");
    var oldServiceguard = host("h2", V3, "B.04.00", "A.11.17");

    var warnings = InventoryWarnings.of(List.of(onV2, oldServiceguard), List.of());

    assertThat(warnings)
        .extracting(InventoryWarning::kind)
        .containsExactly(Kind.INTEGRITY_VM_4_ON_11I_V2, Kind.SERVICEGUARD_BEHIND_INTEGRITY_VM_4);
    assertThat(warnings.get(0).hosts()).containsExactly("h1");
    assertThat(warnings.get(0).message()).contains("h1 runs HP-UX B.11.23, Integrity VM B.04.00");
    assertThat(warnings.get(1).hosts()).containsExactly("h2");
    assertThat(InventoryWarnings.atTarget(onV2)).isFalse();
    assertThat(InventoryWarnings.atTarget(oldServiceguard)).isFalse();
    assertThat(InventoryWarnings.atTarget(host("h3", V3, "B.04.00", "A.11.18"))).isTrue();
  }

  @Test
  void serviceguardElevenTwentyOnElevenTwentyThreeIsFlagged() {
    var warnings = InventoryWarnings.of(List.of(host("h1", V2, "A.03.50", "A.11.20")), List.of());

    assertThat(warnings)
        .extracting(InventoryWarning::kind)
        .containsExactly(Kind.SERVICEGUARD_NEEDS_11I_V3);
  }

  @Test
  void moreThanTwoServiceguardVersionsAreFlaggedInVersionOrder() {
    var hosts =
        List.of(
            host("h1", V2, "A.03.50", "A.11.18"),
            host("h2", V2, "A.03.50", "A.11.16"),
            host("h3", V2, "A.03.50", "A.11.17"));

    var warnings = InventoryWarnings.of(hosts, List.of());

    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(Kind.MORE_THAN_TWO_SERVICEGUARD_VERSIONS);
              assertThat(w.message()).contains("A.11.16, A.11.17, A.11.18");
            });
  }

  @Test
  void aLargeClusterListsTheFirstTwentyGuestsAndCountsThemAll() {
    var guests = new ArrayList<Guest>();
    for (int i = 0; i < 10_000; i++) {
      guests.add(guest("g" + i, "h1", "B.04.00"));
    }

    var warning =
        InventoryWarnings.of(List.of(host("h1", V2, "A.03.50", "A.11.18")), guests).getFirst();

    assertThat(warning.guests()).hasSize(InventoryWarnings.NAMES_SHOWN).startsWith("g0", "g1");
    assertThat(warning.guestsInAll()).isEqualTo(10_000);
    assertThat(warning.message()).startsWith("10000 guests run");
  }

  private static VmHost host(String name, String hpux, String ivm, String serviceguard) {
    return new VmHost(name, "127.0.0.1:22", hpux, ivm, serviceguard);
  }

  private static Guest guest(String name, String host, String kit) {
    return new Guest(name, host, kit);
  }
}
