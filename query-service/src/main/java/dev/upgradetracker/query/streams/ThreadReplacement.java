package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.ConsumerStop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live views do when a stream thread dies: start a new one in its place, which takes its
 * tasks up again from their last commit. A commit that fails after a broker was lost (the
 * transaction in an invalid state: seen in the fleet benchmark) otherwise shut the views of that
 * instance down for good, while its health still let traffic in. A failure that keeps coming back
 * is not transient: after {@link #MOST_IN_A_ROW} within {@link #WINDOW} the client shuts down and
 * its health says so. So does a thread fenced by another process of the same KAFKA_INSTANCE at
 * once: a new thread under the same name would only fence that process in turn.
 */
final class ThreadReplacement implements StreamsUncaughtExceptionHandler {

  static final int MOST_IN_A_ROW = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(ThreadReplacement.class);

  private final ConsumerStop stop;
  private final LongSupplier nanoTime;
  private final Deque<Long> recent = new ArrayDeque<>();

  ThreadReplacement(ConsumerStop stop, LongSupplier nanoTime) {
    this.stop = stop;
    this.nanoTime = nanoTime;
  }

  ThreadReplacement(ConsumerStop stop) {
    this(stop, System::nanoTime);
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
    if (ConsumerStop.fenced(failure)) {
      log.error("{}: the views shut down", stop.endedBy(failure), failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    long now = nanoTime.getAsLong();
    while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW.toNanos()) {
      recent.removeFirst();
    }
    recent.addLast(now);
    if (recent.size() > MOST_IN_A_ROW) {
      log.error(
          "a stream thread failed {} times within {}: the views shut down ({})",
          recent.size(),
          WINDOW,
          stop.endedBy(failure),
          failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.warn(
        "a stream thread failed; a new one takes its tasks up from their last commit", failure);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
