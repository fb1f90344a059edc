package dev.upgradetracker.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Ending a thread that polls a consumer: wake it from its poll, then wait for it to finish. */
public final class ConsumerLoops {

  private ConsumerLoops() {}

  /** Call after clearing the loop's running flag; null arguments mean it never started. */
  public static void stop(Consumer<?, ?> consumer, Thread loop, Duration patience) {
    if (consumer != null) {
      consumer.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(patience);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
