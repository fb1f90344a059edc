package dev.upgradetracker.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics and consumer groups of one installation, declared once. A namespace lets several
 * installations (or test runs) share one Kafka cluster without seeing each other: it prefixes every
 * topic, consumer group and Streams application id. Every service ensures the topics exist at
 * start.
 *
 * @param namespace empty for the plain names; otherwise letters, digits, '.', '_' or '-'
 */
public record Topics(String namespace) {

  /** Kafka's own limit on topic names is 249; our longest suffix leaves this much for a prefix. */
  private static final int MAX_NAMESPACE = 100;

  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]*");

  /** The plain names, as an installation without a namespace uses them. */
  public static final Topics DEFAULT = new Topics("");

  public Topics {
    if (namespace == null) {
      namespace = "";
    }
    if (namespace.length() > MAX_NAMESPACE || !LEGAL.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "Kafka namespace (KAFKA_NAMESPACE) must be at most "
              + MAX_NAMESPACE
              + " letters, digits, '.', '_' or '-'; was '"
              + namespace
              + "'");
    }
  }

  /** Every domain event, keyed by cluster id, in aggregate order per key; kept forever. */
  public String events() {
    return named("upgrade.events");
  }

  /** Every campaign event, keyed by campaign id, in aggregate order per key; kept forever. */
  public String campaignEvents() {
    return named("upgrade.campaign-events");
  }

  /** The views' changes as the query services push them to dashboards; short-lived. */
  public String viewChanges() {
    return named("upgrade.view-changes");
  }

  /** Executor outcomes, keyed by cluster id. */
  public String actionResults() {
    return named("upgrade.action-results");
  }

  /**
   * What the executors started and finished, keyed by action id; compacted, kept forever: whatever
   * the consumer offsets say, a finished action is never run again.
   */
  public String actionJournal() {
    return named("upgrade.action-journal");
  }

  /** A consumer group or Streams application id of this installation. */
  public String group(String name) {
    return named(name);
  }

  private String named(String name) {
    return namespace.isEmpty() ? name : namespace + "." + name;
  }

  public void ensureExist(KafkaConnection kafka, int partitions, short replicas) {
    try (var admin = Admin.create(kafka.properties())) {
      ensureExist(admin, partitions, replicas);
    }
  }

  /** Creates the installation's topics that do not exist yet, through {@code admin}. */
  public void ensureExist(Admin admin, int partitions, short replicas) {
    try {
      var forever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
      var topics =
          List.of(
              new NewTopic(events(), partitions, replicas).configs(forever),
              new NewTopic(campaignEvents(), partitions, replicas).configs(forever),
              new NewTopic(viewChanges(), partitions, replicas)
                  .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")),
              new NewTopic(actionResults(), partitions, replicas),
              new NewTopic(actionJournal(), partitions, replicas)
                  .configs(
                      Map.of(
                          TopicConfig.CLEANUP_POLICY_CONFIG,
                          TopicConfig.CLEANUP_POLICY_COMPACT,
                          TopicConfig.RETENTION_MS_CONFIG,
                          "-1")));
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
