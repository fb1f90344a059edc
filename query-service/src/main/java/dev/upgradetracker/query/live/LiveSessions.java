package dev.upgradetracker.query.live;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.campaign.CampaignWaits;
import dev.upgradetracker.query.web.TooManyStreams;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams, each fed by {@link ChangeFeed}: a few per caller at most,
 * each for a limited time.
 */
@Component
class LiveSessions {

  private final ChangeFeed feed;
  private final LiveSettings settings;
  private final CampaignWaits waits;
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> openPerCaller = new HashMap<>();

  LiveSessions(ChangeFeed feed, LiveSettings settings, CampaignWaits waits) {
    this.feed = feed;
    this.settings = settings;
    this.waits = waits;
  }

  /**
   * Opens a stream of {@code subject}'s changes after position {@code after}, starting with the
   * view's current state when it is newer. Without {@code current}, changes of many views are sent
   * as they come, without ids.
   */
  SseEmitter open(String caller, String subject, long after, Optional<Supplier<String>> current) {
    reserve(caller);
    var emitter = new SseEmitter(settings.streamTimeout().toMillis());
    var session = new Session(emitter, after, current.isPresent());
    sessions.add(session);
    feed.subscribe(subject, session);
    var closed = new AtomicBoolean();
    Runnable close =
        () -> {
          if (closed.compareAndSet(false, true)) {
            feed.unsubscribe(subject, session);
            sessions.remove(session);
            release(caller);
          }
        };
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    // sent at once, so the client learns the stream is open even before the first change
    session.send(SseEmitter.event().comment("open"));
    current
        .map(Supplier::get)
        .ifPresent(
            json -> {
              var kind = subject.substring(0, subject.indexOf(':'));
              session.changed(kind, position(kind, json), waits.now(kind, json));
            });
    return emitter;
  }

  private synchronized void reserve(String caller) {
    int open = openPerCaller.getOrDefault(caller, 0);
    if (open >= settings.maxStreamsPerCaller()) {
      throw new TooManyStreams(caller, settings.maxStreamsPerCaller());
    }
    openPerCaller.put(caller, open + 1);
  }

  private synchronized void release(String caller) {
    openPerCaller.computeIfPresent(caller, (c, open) -> open > 1 ? open - 1 : null);
  }

  /** A comment now and then keeps proxies from closing quiet streams. */
  void keepAlive() {
    for (var session : sessions) {
      session.send(SseEmitter.event().comment("keep-alive"));
    }
  }

  private static long position(String kind, String json) {
    var view = Json.MAPPER.readTree(json);
    return "team".equals(kind) ? view.path("updates").asLong() : view.path("lastSequence").asLong();
  }

  private static final class Session implements ChangeFeed.Subscriber {

    private final SseEmitter emitter;
    private final boolean ordered;
    private long lastSent;

    Session(SseEmitter emitter, long after, boolean ordered) {
      this.emitter = emitter;
      this.lastSent = after;
      this.ordered = ordered;
    }

    @Override
    public synchronized void changed(String kind, long position, String viewJson) {
      if (ordered && position <= lastSent) {
        return;
      }
      var event = SseEmitter.event().name(kind).data(viewJson, MediaType.APPLICATION_JSON);
      if (ordered) {
        event.id(Long.toString(position));
        lastSent = position;
      }
      send(event);
    }

    synchronized void send(SseEmitter.SseEventBuilder event) {
      try {
        emitter.send(event);
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
      }
    }
  }
}
