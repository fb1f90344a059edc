package dev.upgradetracker.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakingEventSourceTest {

  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final WakingEventSource source = new WakingEventSource(store);

  @AfterEach
  void stop() {
    source.close();
    store.shutDown();
  }

  @Test
  void aStreamThatCaughtUpIsWokenWhenTheNextEventIsStored() throws Exception {
    store.publish(GenericEventMessage.asEventMessage("registered"));
    var wakeUps = new Semaphore(0);
    try (var stream = source.openStream(null)) {
      assertThat(stream.setOnAvailableCallback(wakeUps::release)).isTrue();
      stream.nextAvailable();
      assertThat(stream.hasNextAvailable()).isFalse();

      store.publish(GenericEventMessage.asEventMessage("updated"));

      assertThat(wakeUps.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
      assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
      assertThat(stream.nextAvailable().getPayload()).isEqualTo("updated");
    }
  }

  @Test
  void theStoresOwnStreamCannotWakeAnyone() {
    try (var stream = store.openStream(null)) {
      assertThat(stream.setOnAvailableCallback(() -> {})).isFalse();
    }
  }

  @Test
  void aClosedStreamIsNoLongerWoken() throws Exception {
    var closedOnes = new Semaphore(0);
    var openOnes = new Semaphore(0);
    var open = source.openStream(null);
    try (var closed = source.openStream(null)) {
      closed.setOnAvailableCallback(closedOnes::release);
      open.setOnAvailableCallback(openOnes::release);
    }

    store.publish(GenericEventMessage.asEventMessage("updated"));

    assertThat(openOnes.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    assertThat(closedOnes.availablePermits()).isZero();
    open.close();
  }

  @Test
  void aStreamWakesOnlyItsLatestCallback() throws Exception {
    var replaced = new Semaphore(0);
    var latest = new Semaphore(0);
    try (var stream = source.openStream(null)) {
      stream.setOnAvailableCallback(replaced::release);
      stream.setOnAvailableCallback(latest::release);

      store.publish(GenericEventMessage.asEventMessage("updated"));

      assertThat(latest.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
      assertThat(replaced.availablePermits()).isZero();
    }
  }
}
