package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's upgrade budget on the build's broker (so that its events meet the event contract):
 * two clusters of one site, both in progress in one campaign, their hosts installing from one depot
 * that allows one node upgrade at a time. One cluster's upgrade waits for the other's slot, the
 * view says so, and the simulator never sees two upgrades on the depot at once.
 */
class UpgradeSlotsIT {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @TempDir Path dataDir;

  @Test
  void aNodeUpgradeWaitsForTheOnlySlotOfItsDepotAndBothClustersEndUpgraded() throws Exception {
    var fleet = Fleets.mixedAcrossSites("slot", "alpha", 2, 1);
    try (var stack =
        Stack.start(
            TestStacks.on(
                dataDir,
                Map.of("UPGRADE_SLOTS_PER_DEPOT", "1"),
                fleet.toArray(ClusterSpec[]::new)))) {
      // a queued upgrade waits as long as the slot's holder updates its node: made long enough
      // that the view, polled every 200 ms, is seen saying so
      stack.simulator().faults().add(Fault.slow("*", "^update-ux", Duration.ofSeconds(2)));
      var fleets = Map.of("alpha", List.copyOf(fleet));
      var campaigns = new FleetCampaigns(stack, fleets, 2);
      campaigns.start();

      campaigns.awaitCompleted(PATIENCE);

      var checks = new FleetChecks(stack, fleets);
      assertThat(campaigns.stepsNotAsPlanned()).isEmpty();
      assertThat(checks.hostsUpgradedWithoutBreach()).isEmpty();
      assertThat(campaigns.slotWaits())
          .anyMatch(detail -> detail.contains("waiting for a depot slot (1 of 1 in use at depot"));
      var depot = checks.depotUse(1);
      assertThat(depot.problems()).isEmpty();
      assertThat(depot.mostAtOnce()).isEqualTo(1);
    }
  }
}
