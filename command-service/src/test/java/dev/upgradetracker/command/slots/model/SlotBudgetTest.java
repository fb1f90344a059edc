package dev.upgradetracker.command.slots.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.slots.UpgradeSlotCommand;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ClaimUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ReleaseUpgradeSlot;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.WithdrawUpgradeSlotClaims;
import dev.upgradetracker.events.slots.UpgradeSlotEvent;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotClaimWithdrawn;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotGranted;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotQueued;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.UpgradeSlotReleased;
import dev.upgradetracker.events.slots.UpgradeSlotEvent.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotBudgetTest {

  private UpgradeSlots slots = UpgradeSlots.NONE;

  @Test
  void claimsAreGrantedUpToTheDepotsLimitAndTheNextWaitsWithTheDepotsUsage() {
    assertThat(when(claim("h1", "depot-a", "site-1")))
        .singleElement()
        .isInstanceOf(UpgradeSlotGranted.class);
    assertThat(when(claim("h2", "depot-a", "site-1")))
        .singleElement()
        .isInstanceOf(UpgradeSlotGranted.class);

    var queued = when(claim("h3", "depot-a", "site-1"));

    assertThat(queued)
        .singleElement()
        .isEqualTo(
            new UpgradeSlotQueued(
                "h3",
                "c-h3",
                "spring",
                "step-h3",
                "alpha",
                new Usage("depot-a", "site-1", 2, 2, 2, 3)));
  }

  @Test
  void theSitesLimitCountsEveryDepotOfTheSite() {
    given(
        claim("h1", "depot-a", "site-1"),
        claim("h2", "depot-b", "site-1"),
        claim("h3", "depot-c", "site-1"));

    var queued = when(claim("h4", "depot-d", "site-1"));

    assertThat(queued).singleElement().isInstanceOf(UpgradeSlotQueued.class);
    assertThat(((UpgradeSlotQueued) queued.getFirst()).usage().siteInUse()).isEqualTo(3);
    assertThat(when(claim("h5", "depot-e", "site-2")))
        .as("another site")
        .singleElement()
        .isInstanceOf(UpgradeSlotGranted.class);
  }

  @Test
  void aReleasedSlotGoesToTheFirstWaitingClaimAndLaterOnesOnTheSameDepotWaitBehindIt() {
    given(
        claim("h1", "depot-a", "site-1"),
        claim("h2", "depot-a", "site-1"),
        claim("h3", "depot-a", "site-1"),
        claim("h4", "depot-a", "site-1"));

    var released = when(new ReleaseUpgradeSlot("h1", "upgraded", null));

    assertThat(released)
        .extracting(UpgradeSlotEvent::host, e -> e.getClass().getSimpleName())
        .containsExactly(tuple("h1", "UpgradeSlotReleased"), tuple("h3", "UpgradeSlotGranted"));
    assertThat(slots.held()).containsOnlyKeys("h2", "h3");
    assertThat(slots.waiting()).extracting(ClaimUpgradeSlot::host).containsExactly("h4");
  }

  @Test
  void aClaimOnAFreeDepotWaitsWhileAnEarlierClaimOnItsSiteWaits() {
    given(
        claim("h1", "depot-a", "site-1"),
        claim("h2", "depot-a", "site-1"),
        claim("h3", "depot-a", "site-1"));

    assertThat(when(claim("h4", "depot-b", "site-1")))
        .as("first come, first served on the site")
        .singleElement()
        .isInstanceOf(UpgradeSlotQueued.class);
    assertThat(when(claim("h5", "depot-c", null)))
        .as("no site, another depot: nothing ahead of it")
        .singleElement()
        .isInstanceOf(UpgradeSlotGranted.class);
  }

  @Test
  void aNodeKeepsItsSlotUntilItIsReleasedAndOnlyItsTeamsOperatorMayReleaseIt() {
    given(claim("h1", "depot-a", "site-1"));

    assertThatThrownBy(() -> when(new ReleaseUpgradeSlot("h1", "done", "bravo")))
        .isInstanceOf(NotOwner.class);
    assertThatThrownBy(() -> when(new ReleaseUpgradeSlot("h1", " ", "alpha")))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> when(new ReleaseUpgradeSlot("h9", "done", "alpha")))
        .isInstanceOf(NotFound.class);
    assertThat(slots.held()).containsOnlyKeys("h1");

    assertThat(when(new ReleaseUpgradeSlot("h1", "host rebuilt by hand", "alpha")))
        .singleElement()
        .isEqualTo(
            new UpgradeSlotReleased("h1", "c-h1", "depot-a", "site-1", "host rebuilt by hand"));
    assertThat(when(new ReleaseUpgradeSlot("h1", "upgraded", null)))
        .as("the system releasing a slot no longer held")
        .isEmpty();
  }

  @Test
  void aRepeatedClaimChangesNothingAndAnotherCampaignTakesOverTheSlotItsNodeKept() {
    given(
        claim("h1", "depot-a", "site-1"),
        claim("h2", "depot-a", "site-1"),
        claim("h3", "depot-a", "site-1"));
    assertThat(when(claim("h1", "depot-a", "site-1"))).isEmpty();
    assertThat(when(claim("h3", "depot-a", "site-1"))).isEmpty();

    var takenOver =
        when(
            new ClaimUpgradeSlot(
                "h1", "c-h1", "autumn", "autumn/c-h1/3", "alpha", "depot-a", "site-1", 2, 3));

    assertThat(takenOver)
        .singleElement()
        .isInstanceOfSatisfying(
            UpgradeSlotGranted.class,
            granted -> {
              assertThat(granted.campaignId()).isEqualTo("autumn");
              assertThat(granted.usage().depotInUse()).as("counted once").isEqualTo(2);
            });
  }

  @Test
  void withdrawingAWaitingClaimLetsTheClaimsBehindItIn() {
    given(
        claim("h1", "depot-a", "site-1"),
        claim("h2", "depot-a", "site-1"),
        new ClaimUpgradeSlot("h3", "c-h3", "autumn", "s", "alpha", "depot-a", "site-1", 2, 3),
        claim("h4", "depot-b", "site-1"));
    assertThat(slots.waiting()).extracting(ClaimUpgradeSlot::host).containsExactly("h3", "h4");

    var withdrawn = when(new WithdrawUpgradeSlotClaims("autumn"));

    assertThat(withdrawn)
        .containsExactly(
            new UpgradeSlotClaimWithdrawn("h3", "c-h3", "autumn"),
            new UpgradeSlotGranted(
                "h4",
                "c-h4",
                "spring",
                "step-h4",
                "alpha",
                new Usage("depot-b", "site-1", 1, 2, 3, 3)));
  }

  /** Limits: two upgrades per depot, three per site. */
  private static ClaimUpgradeSlot claim(String host, String depot, String site) {
    return new ClaimUpgradeSlot(
        host, "c-" + host, "spring", "step-" + host, "alpha", depot, site, 2, 3);
  }

  private void given(UpgradeSlotCommand... commands) {
    for (var command : commands) {
      when(command);
    }
  }

  private List<UpgradeSlotEvent> when(UpgradeSlotCommand command) {
    var events = SlotBudget.decide(command, slots);
    for (var event : events) {
      slots = SlotBudget.evolve(slots, event);
    }
    return events;
  }
}
