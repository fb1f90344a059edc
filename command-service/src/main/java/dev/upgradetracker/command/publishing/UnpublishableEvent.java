package dev.upgradetracker.command.publishing;

import java.io.Serial;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * An event Kafka will never take as it is (too large for the topic, a record it finds invalid): its
 * aggregate is parked in the publisher's dead-letter queue, with every later event of it, until an
 * admin has it retried; every other aggregate keeps flowing.
 */
final class UnpublishableEvent extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  UnpublishableEvent(String aggregateId, String eventId, String eventType, Throwable cause) {
    super(
        "Kafka refuses event "
            + eventId
            + " ("
            + eventType
            + ") of "
            + aggregateId
            + " for good: "
            + cause,
        cause);
  }

  /** Whether trying again can never help: anything else (time-outs, a lost broker) is retried. */
  static boolean isPermanent(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RecordTooLargeException
          || cause instanceof RecordBatchTooLargeException
          || cause instanceof InvalidRecordException) {
        return true;
      }
    }
    return false;
  }
}
