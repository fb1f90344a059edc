package dev.upgradetracker.query.streams;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Kafka Streams creates its repartition and changelog topics in its first rebalance; until then its
 * consumer's metadata requests find them unknown, and the Kafka client warns of it at every first
 * start ("reported a recoverable issue ... UNKNOWN_TOPIC_OR_PARTITION"). That warning, when every
 * topic it names is such an internal topic, is not logged; every other warning of the client is.
 * Installed when the service's beans are made, before the views start.
 */
@Component
class InternalTopicsNotCreatedYet extends TurboFilter {

  static final String CLIENT = "org.apache.kafka.clients.NetworkClient";

  InternalTopicsNotCreatedYet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.WARN
        || !CLIENT.equals(logger.getName())
        || format == null
        || !format.contains("reported a recoverable issue")) {
      return FilterReply.NEUTRAL;
    }
    // the client formats its messages itself: "... with correlation id 8 : {topic=ERROR, ...}"
    int open = format.lastIndexOf(" : {");
    if (open < 0 || !format.endsWith("}")) {
      return FilterReply.NEUTRAL;
    }
    var errors = format.substring(open + 4, format.length() - 1).split(", ");
    return Arrays.stream(errors).allMatch(InternalTopicsNotCreatedYet::internalUnknown)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  private static boolean internalUnknown(String error) {
    var topicAndError = error.split("=", 2);
    return topicAndError.length == 2
        && (topicAndError[0].endsWith("-repartition") || topicAndError[0].endsWith("-changelog"))
        && topicAndError[1].equals("UNKNOWN_TOPIC_OR_PARTITION");
  }
}
