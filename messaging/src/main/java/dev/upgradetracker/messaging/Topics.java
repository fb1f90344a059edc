package dev.upgradetracker.messaging;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** The topics of the system, declared once. Every service ensures they exist at start. */
public final class Topics {

  /** Every domain event, keyed by cluster id, in aggregate order per key; kept forever. */
  public static final String EVENTS = "upgrade.events";

  /** Every campaign event, keyed by campaign id, in aggregate order per key; kept forever. */
  public static final String CAMPAIGN_EVENTS = "upgrade.campaign-events";

  /** The views' changes as the query services push them to dashboards; short-lived. */
  public static final String VIEW_CHANGES = "upgrade.view-changes";

  /** Executor outcomes, keyed by cluster id. */
  public static final String ACTION_RESULTS = "upgrade.action-results";

  private Topics() {}

  public static void ensureExist(String bootstrapServers, int partitions, short replicas) {
    var props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (var admin = Admin.create(props)) {
      var forever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
      var topics =
          List.of(
              new NewTopic(EVENTS, partitions, replicas).configs(forever),
              new NewTopic(CAMPAIGN_EVENTS, partitions, replicas).configs(forever),
              new NewTopic(VIEW_CHANGES, partitions, replicas)
                  .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")),
              new NewTopic(ACTION_RESULTS, partitions, replicas));
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topics", e);
    }
  }
}
