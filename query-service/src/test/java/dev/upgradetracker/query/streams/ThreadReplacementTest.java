package dev.upgradetracker.query.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.messaging.ConsumerStop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {

  private final AtomicLong now = new AtomicLong();
  private final ConsumerStop stop =
      new ConsumerStop("query service", "view tasks", "query-service");
  private final ThreadReplacement handler = new ThreadReplacement(stop, now::get);
  private final StreamsException failedCommit =
      new StreamsException("commit failed", new InvalidTxnStateException("invalid state"));

  @Test
  void aThreadWhoseCommitFailedIsReplaced() {
    assertThat(handler.handle(failedCommit)).isEqualTo(REPLACE_THREAD);
    assertThat(stop.why()).isEmpty();
  }

  @Test
  void aThreadFencedByAnotherProcessOfItsNameShutsTheViewsDownAtOnceAndSaysWhy() {
    var fenced =
        new StreamsException(
            "poll failed", new FencedInstanceIdException("instance id query-service-1 fenced"));

    assertThat(handler.handle(fenced)).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(stop.why())
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("another query service took this one's view tasks")
                    .contains("KAFKA_INSTANCE=query-service"));
  }

  @Test
  void aFailureThatKeepsComingBackShutsTheViewsDown() {
    for (int i = 0; i < ThreadReplacement.MOST_IN_A_ROW; i++) {
      assertThat(handler.handle(failedCommit)).isEqualTo(REPLACE_THREAD);
      later(Duration.ofSeconds(30));
    }

    assertThat(handler.handle(failedCommit)).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(stop.why()).hasValueSatisfying(why -> assertThat(why).contains("commit failed"));
  }

  @Test
  void failuresFarApartAreEachReplaced() {
    for (int i = 0; i < 3 * ThreadReplacement.MOST_IN_A_ROW; i++) {
      assertThat(handler.handle(failedCommit)).isEqualTo(REPLACE_THREAD);
      later(ThreadReplacement.WINDOW.dividedBy(ThreadReplacement.MOST_IN_A_ROW - 1));
    }
  }

  private void later(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
