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
 * write. Views are built asynchronously from Kafka, so the wait is bounded; past it: 503.
 */
@Component
public class ReadYourWrites {

  private static final Duration POLL = Duration.ofMillis(5);

  private final Duration wait;

  ReadYourWrites(@Value("${upgrade-tracker.views.position-wait:5s}") Duration wait) {
    this.wait = wait;
  }

  /**
   * @param what the view's name in answers, e.g. "cluster c1"
   * @param find the view as this instance holds it now
   * @param version the position of the last event the view folded
   * @param body what the answer shows of the view
   */
  public <V> ResponseEntity<?> answer(
      String what,
      Long position,
      Supplier<Optional<V>> find,
      ToLongFunction<V> version,
      Function<V, ?> body) {
    long deadline = System.nanoTime() + wait.toNanos();
    var view = find.get();
    while (position != null && !reached(view, version, position) && System.nanoTime() < deadline) {
      pause();
      view = find.get();
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

  private static <V> boolean reached(Optional<V> view, ToLongFunction<V> version, long position) {
    return view.isPresent() && version.applyAsLong(view.get()) >= position;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
