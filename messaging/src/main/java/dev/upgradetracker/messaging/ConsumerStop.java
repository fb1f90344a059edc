package dev.upgradetracker.messaging;

import java.util.Optional;
import org.apache.kafka.common.errors.FencedInstanceIdException;

/**
 * Why a service's consumer loop ended while the service runs, if it did, for its health to report
 * DOWN: another process took the loop's partitions under the same KAFKA_INSTANCE, or an error ended
 * the loop that no retry covers. Either way the service takes no more of that work until it is
 * started again, and its operators must see that.
 */
public final class ConsumerStop {

  private final String service;
  private final String work;
  private final String instance;
  private volatile String why;

  /**
   * @param service what the process is, as an operator names it ("executor")
   * @param work what its loop takes ("requests")
   * @param instance the process's KAFKA_INSTANCE, empty for none
   */
  public ConsumerStop(String service, String work, String instance) {
    this.service = service;
    this.work = work;
    this.instance = instance;
  }

  /** Why the loop ended, once it ended while the service runs. */
  public Optional<String> why() {
    return Optional.ofNullable(why);
  }

  /** Whether another process of the same KAFKA_INSTANCE took the loop's partitions. */
  public static boolean fenced(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FencedInstanceIdException) {
        return true;
      }
    }
    return false;
  }

  /** Records that {@code failure} ended the loop; returns why. */
  public String endedBy(Throwable failure) {
    why =
        fenced(failure)
            ? "another "
                + service
                + " took this one's "
                + work
                + " as KAFKA_INSTANCE="
                + instance
                + "; each "
                + service
                + " needs a name of its own: this one takes no more "
                + work
            : "the "
                + work
                + " stopped on an error no retry covers, and this "
                + service
                + " takes no more "
                + work
                + " until it is started again: "
                + failure;
    return why;
  }
}
