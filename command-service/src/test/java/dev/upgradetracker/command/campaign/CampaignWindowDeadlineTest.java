package dev.upgradetracker.command.campaign;

import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import dev.upgradetracker.command.axon.AxonSetup;
import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import dev.upgradetracker.events.campaign.CampaignEvent.StepAuthorized;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.campaign.MaintenanceWindow;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign's maintenance window in time travel (Axon's fixture and its deadline manager):
 * clusters started before it opens wait, and go on when the opening scheduled for them fires.
 */
class CampaignWindowDeadlineTest {

  private AggregateTestFixture<CampaignAggregate> fixture;
  private Instant now;
  private Instant opens;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CampaignAggregate.class);
    fixture.registerCommandTargetResolver(
        message ->
            AxonSetup.target(
                ((CampaignCommandDispatch) message.getPayload()).command().campaignId()));
    fixture.registerInjectableResource(new ApprovalSettings(true));
    now = fixture.currentTime().truncatedTo(ChronoUnit.MINUTES);
    opens = now.plus(Duration.ofHours(2));
  }

  @Test
  void clustersStartedBeforeTheWindowWaitForTheOpeningScheduledAtItsStart() {
    fixture
        .givenNoPriorActivity()
        .when(startNight())
        .expectSuccessfulHandlerExecution()
        .expectScheduledDeadlineWithName(opens, CampaignAggregate.WINDOW_OPENS)
        .expectEventsMatching(
            payloadsMatching(
                listWithAnyOf(
                    event(
                        ClusterWaitingForWindow.class,
                        "waiting for the window's opening",
                        waiting -> waiting.opensAt().equals(opens)))))
        .expectEventsMatching(
            payloadsMatching(not(listWithAnyOf(instanceOf(StepAuthorized.class)))));
  }

  @Test
  void whenTheOpeningFiresTheWaitingClustersFirstStepIsAuthorized() {
    fixture
        .givenCommands(startNight())
        .whenTimeElapses(Duration.ofHours(2).plusMinutes(1))
        .expectTriggeredDeadlinesWithName(CampaignAggregate.WINDOW_OPENS)
        .expectEventsMatching(
            payloadsMatching(
                listWithAnyOf(
                    event(
                        StepAuthorized.class,
                        "the cluster's first step authorized",
                        step -> step.stepId().equals("night/c1/1")))));
  }

  @Test
  void beforeTheOpeningNothingFiresAndNoStepIsAuthorized() {
    fixture
        .givenCommands(startNight())
        .whenTimeElapses(Duration.ofHours(1))
        .expectNoScheduledDeadlineWithName(Duration.ofMinutes(59), CampaignAggregate.WINDOW_OPENS)
        .expectScheduledDeadlineWithName(opens, CampaignAggregate.WINDOW_OPENS)
        .expectNoEvents();
  }

  /** A one-cluster campaign whose three-hour window opens two hours from now. */
  private CampaignCommandDispatch startNight() {
    var window =
        new MaintenanceWindow(
            opens.atZone(ZoneOffset.UTC).toLocalTime(),
            opens.plus(Duration.ofHours(3)).atZone(ZoneOffset.UTC).toLocalTime(),
            "UTC");
    var options =
        new CampaignOptions(
            1, new FailurePolicy(false, 0), false, window, UpgradeMode.UPDATE, Duration.ofHours(1));
    return new CampaignCommandDispatch(
        new StartCampaign("night", "alpha", List.of("c1"), options, now));
  }

  /** An event of {@code type} for which {@code holds}. */
  private static <T> Matcher<Object> event(Class<T> type, String description, Predicate<T> holds) {
    return new BaseMatcher<>() {
      @Override
      public boolean matches(Object item) {
        return type.isInstance(item) && holds.test(type.cast(item));
      }

      @Override
      public void describeTo(Description out) {
        out.appendText(description);
      }
    };
  }
}
