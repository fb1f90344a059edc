package dev.upgradetracker.command.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as a pooled streaming processor reads it: one reader hands each event to the
 * processor's segments (a tracking processor reads every event once per segment), and it is woken
 * as soon as an event is readable. Axon's embedded store cannot call back, so a pooled processor
 * that caught up would look again only every 500 ms; here one watcher tails the store (from its
 * in-memory cache: no query of its own) and wakes every open stream when it sees an event, stored
 * here or, within the store's fetch delay, by another instance.
 */
public final class WakingEventSource
    implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

  private final EventStore store;
  private final Set<Runnable> wakeUps = new CopyOnWriteArraySet<>();
  private Thread watcher;
  private boolean closed;

  public WakingEventSource(EventStore store) {
    this.store = store;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
    return new WokenStream(store.openStream(from));
  }

  @Override
  public TrackingToken createTailToken() {
    return store.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return store.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant at) {
    return store.createTokenAt(at);
  }

  @Override
  public TrackingToken createTokenSince(Duration since) {
    return store.createTokenSince(since);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (watcher != null) {
      watcher.interrupt();
    }
  }

  /** From the head as the first stream asks to be woken: every event stored after that wakes. */
  private synchronized void startWatching() {
    if (watcher == null && !closed) {
      var tail = store.openStream(store.createHeadToken());
      watcher = Thread.ofPlatform().daemon().name("event-watcher").start(() -> watch(tail));
    }
  }

  private void watch(BlockingStream<? extends TrackedEventMessage<?>> tail) {
    try (tail) {
      while (!Thread.currentThread().isInterrupted()) {
        if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
          while (tail.hasNextAvailable()) {
            tail.nextAvailable();
          }
          wakeUps.forEach(Runnable::run);
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the processors still look every few seconds on their own; a restart watches again
      log.error("the event watcher stopped: processors now notice new events late", e);
    }
  }

  /** The store's stream, woken by the watcher instead of waiting for its next look. */
  private final class WokenStream implements BlockingStream<TrackedEventMessage<?>> {

    private final BlockingStream<TrackedEventMessage<?>> events;
    private Runnable wakeUp;

    private WokenStream(BlockingStream<TrackedEventMessage<?>> events) {
      this.events = events;
    }

    /** Replaces the callback set before, if any. */
    @Override
    public synchronized boolean setOnAvailableCallback(Runnable callback) {
      stopWaking();
      wakeUp = callback;
      wakeUps.add(callback);
      startWatching();
      return true;
    }

    private synchronized void stopWaking() {
      if (wakeUp != null) {
        wakeUps.remove(wakeUp);
        wakeUp = null;
      }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return events.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      return events.hasNextAvailable(timeout, unit);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return events.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
      events.skipMessagesWithPayloadTypeOf(ignored);
    }

    @Override
    public void close() {
      stopWaking();
      events.close();
    }
  }
}
