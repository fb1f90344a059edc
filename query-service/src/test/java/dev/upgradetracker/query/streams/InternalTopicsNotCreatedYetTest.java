package dev.upgradetracker.query.streams;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class InternalTopicsNotCreatedYetTest {

  /** As the Kafka client hands it over: formatted by itself, its arguments in the text. */
  private static String recoverable(String errors) {
    return "[Consumer clientId=x, groupId=views] The metadata response from the cluster reported a"
        + " recoverable issue with correlation id 8 : {"
        + errors
        + "}";
  }

  private final InternalTopicsNotCreatedYet filter = new InternalTopicsNotCreatedYet();
  private final LoggerContext logback = new LoggerContext();

  @Test
  void streamsOwnTopicsUnknownBeforeItsFirstRebalanceAreNotLogged() {
    var errors =
        "views-team-tallies-repartition=UNKNOWN_TOPIC_OR_PARTITION,"
            + " views-cluster-views-changelog=UNKNOWN_TOPIC_OR_PARTITION";

    assertThat(decide(Level.WARN, recoverable(errors))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void anyOtherTopicOrErrorOrWarningOfTheClientIsStillLogged() {
    assertThat(
            decide(
                Level.WARN,
                recoverable(
                    "views-team-tallies-repartition=UNKNOWN_TOPIC_OR_PARTITION,"
                        + " upgrade.events=UNKNOWN_TOPIC_OR_PARTITION")))
        .as("a product topic missing")
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            decide(
                Level.WARN,
                recoverable("views-team-tallies-repartition=TOPIC_AUTHORIZATION_FAILED")))
        .as("another error")
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            decide(
                Level.WARN,
                "[Consumer clientId=x] Connection to node 1 could not be established. Node may"
                    + " not be available."))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void atDebugOrFromAnotherLoggerItIsLeftAlone() {
    var internal = recoverable("views-team-tallies-repartition=UNKNOWN_TOPIC_OR_PARTITION");

    assertThat(decide(Level.DEBUG, internal)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, logback.getLogger("other"), Level.WARN, internal, null, null))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(Level level, String message) {
    return filter.decide(
        null, logback.getLogger(InternalTopicsNotCreatedYet.CLIENT), level, message, null, null);
  }
}
