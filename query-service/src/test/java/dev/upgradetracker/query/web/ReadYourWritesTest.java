package dev.upgradetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ReadYourWritesTest {

  private final ViewAdvances advances = new ViewAdvances();
  private final AtomicLong viewPosition = new AtomicLong(3);
  private final AtomicInteger looks = new AtomicInteger();

  @Test
  void aViewAtThePositionIsAnsweredAtOnceWithItsVersion() {
    var answer =
        readYourWrites(Duration.ofSeconds(2))
            .answer(
                "cluster",
                "clusters",
                "c1",
                3L,
                this::find,
                Long::longValue,
                view -> "view at " + view);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
    assertThat(looks).hasValue(1);
  }

  @Test
  void aReaderIsAnsweredWhenTheViewsFoldItsEventWithoutPollingTheStore() throws Exception {
    var answer =
        CompletableFuture.supplyAsync(
            () ->
                readYourWrites(Duration.ofSeconds(5))
                    .answer(
                        "cluster",
                        "clusters",
                        "c1",
                        4L,
                        this::find,
                        Long::longValue,
                        view -> view));
    Thread.sleep(300);

    viewPosition.set(4);
    advances.advanced("clusters", "c1");

    assertThat(answer.get(2, TimeUnit.SECONDS).getBody()).isEqualTo(4L);
    // 300 ms of waiting: looked at on each 50 ms recheck at most, not every few milliseconds
    assertThat(looks.get()).isBetween(2, 12);
  }

  @Test
  void aViewThatDoesNotReachThePositionInTimeIsAnswered503NamingBoth() {
    ResponseEntity<?> answer =
        readYourWrites(Duration.ofMillis(200))
            .answer("cluster", "clusters", "c1", 9L, this::find, Long::longValue, view -> view);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getBody().toString()).contains("cluster c1", "position 3", "not yet at 9");
  }

  @Test
  void withoutAPositionTheViewIsAnsweredAsItIs() {
    var answer =
        readYourWrites(Duration.ofSeconds(2))
            .answer("cluster", "clusters", "c1", null, this::find, Long::longValue, view -> view);

    assertThat(answer.getBody()).isEqualTo(3L);
    assertThat(looks).hasValue(1);
  }

  private ReadYourWrites readYourWrites(Duration wait) {
    return new ReadYourWrites(wait, advances);
  }

  private Optional<Long> find() {
    looks.incrementAndGet();
    return Optional.of(viewPosition.get());
  }
}
