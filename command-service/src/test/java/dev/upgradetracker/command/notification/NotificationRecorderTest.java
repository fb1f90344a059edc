package dev.upgradetracker.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.upgradetracker.command.campaign.CampaignStarters;
import dev.upgradetracker.command.notification.model.NotificationKind;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignCompleted;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The notifications processor on the migrated schema (H2), as a replay would drive it. */
class NotificationRecorderTest {

  private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");

  private final SchedulerClient scheduler = mock(SchedulerClient.class);
  private Webhooks webhooks;
  private NotificationRecorder recorder;

  @BeforeEach
  void migratedStore() {
    var store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(store)
        .locations("classpath:db/migration/h2", "classpath:db/migration/common")
        .load()
        .migrate();
    webhooks = new Webhooks(JdbcClient.create(store));
    var starters = mock(CampaignStarters.class);
    when(starters.of("spring"))
        .thenReturn(new CampaignStarters.Start("anna", "alpha", Optional.empty()));
    recorder =
        new NotificationRecorder(webhooks, starters, scheduler, JsonMapper.builder().build());
  }

  @Test
  void aCampaignEventDeliveredAgainAfterACrashAddsNoSecondDelivery() {
    webhooks.create(
        new Webhook(
            "w1",
            "alpha",
            "ops",
            "http://127.0.0.1:9/hook",
            Set.of(NotificationKind.CAMPAIGN_FINISHED),
            BEFORE,
            "anna"),
        "whsec_test");
    var completed = GenericEventMessage.asEventMessage(new CampaignCompleted("spring"));

    recorder.on((CampaignCompleted) completed.getPayload(), completed);
    recorder.on((CampaignCompleted) completed.getPayload(), completed);

    assertThat(webhooks.deliveries("w1", 10))
        .singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(NotificationKind.CAMPAIGN_FINISHED));
    verify(scheduler, times(1)).scheduleIfNotExists(any());
  }

  @Test
  void anotherTeamsWebhookIsNotToldOfTheCampaign() {
    webhooks.create(
        new Webhook(
            "w2",
            "bravo",
            "ops",
            "http://127.0.0.1:9/hook",
            Set.of(NotificationKind.CAMPAIGN_FINISHED),
            BEFORE,
            "bob"),
        "whsec_test");
    var completed = GenericEventMessage.asEventMessage(new CampaignCompleted("spring"));

    recorder.on((CampaignCompleted) completed.getPayload(), completed);

    assertThat(webhooks.deliveries("w2", 10)).isEmpty();
  }
}
