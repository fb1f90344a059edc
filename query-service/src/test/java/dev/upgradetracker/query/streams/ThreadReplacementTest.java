package dev.upgradetracker.query.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {

  private final AtomicLong now = new AtomicLong();
  private final ThreadReplacement handler = new ThreadReplacement(now::get);
  private final StreamsException failedCommit =
      new StreamsException("commit failed", new InvalidTxnStateException("invalid state"));

  @Test
  void aThreadWhoseCommitFailedIsReplaced() {
    assertThat(handler.handle(failedCommit)).isEqualTo(REPLACE_THREAD);
  }

  @Test
  void aFailureThatKeepsComingBackShutsTheViewsDown() {
    for (int i = 0; i < ThreadReplacement.MOST_IN_A_ROW; i++) {
      assertThat(handler.handle(failedCommit)).isEqualTo(REPLACE_THREAD);
      later(Duration.ofSeconds(30));
    }

    assertThat(handler.handle(failedCommit)).isEqualTo(SHUTDOWN_CLIENT);
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
