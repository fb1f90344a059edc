package dev.upgradetracker.query.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A view answered with its version as the ETag and, when the caller names a {@code position} (from
 * a command's answer), only once the view has folded its events up to it: a client reads its own
 * write. Views are built asynchronously from Kafka, so the wait is bounded; past it: 503. A waiting
 * reader looks at its view again when the views fold an event of its key ({@link ViewAdvances}),
 * and every {@link #RECHECK} in any case, so that an advance told before the view could be read
 * delays the answer by that much at most.
 */
@Component
public class ReadYourWrites {

  private static final long RECHECK = Duration.ofMillis(50).toNanos();

  private final Duration wait;
  private final ViewAdvances advances;

  ReadYourWrites(
      @Value("${upgrade-tracker.views.position-wait:5s}") Duration wait, ViewAdvances advances) {
    this.wait = wait;
    this.advances = advances;
  }

  /**
   * @param kind the view's kind in answers, e.g. "cluster"
   * @param store the views' store that holds it
   * @param key its key there
   * @param find the view as this instance holds it now
   * @param version the position of the last event the view folded
   * @param body what the answer shows of the view
   */
  public <V> ResponseEntity<?> answer(
      String kind,
      String store,
      String key,
      Long position,
      Supplier<Optional<V>> find,
      ToLongFunction<V> version,
      Function<V, ?> body) {
    var what = kind + " " + key;
    var view = find.get();
    if (position != null && !reached(view, version, position)) {
      view = awaitPosition(store, key, position, find, version);
    }
    if (position != null && !reached(view, version, position)) {
      return QueryProblems.retryShortly(
          "the view of "
              + what
              + " is at position "
              + view.map(version::applyAsLong).orElse(-1L)
              + ", not yet at "
              + position
              + "; retry shortly");
    }
    return view.<ResponseEntity<?>>map(
            found ->
                ResponseEntity.ok()
                    .eTag(Long.toString(version.applyAsLong(found)))
                    .body(body.apply(found)))
        .orElseGet(() -> QueryProblems.notFound(what));
  }

  private <V> Optional<V> awaitPosition(
      String store,
      String key,
      long position,
      Supplier<Optional<V>> find,
      ToLongFunction<V> version) {
    long deadline = System.nanoTime() + wait.toNanos();
    try (var watch = advances.watch(store, key)) {
      // looked at again once watched: it may have advanced in between
      var view = find.get();
      for (long left = deadline - System.nanoTime();
          !reached(view, version, position) && left > 0;
          left = deadline - System.nanoTime()) {
        watch.awaitAdvance(Math.min(left, RECHECK));
        view = find.get();
      }
      return view;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return find.get();
    }
  }

  private static <V> boolean reached(Optional<V> view, ToLongFunction<V> version, long position) {
    return view.isPresent() && version.applyAsLong(view.get()) >= position;
  }
}
