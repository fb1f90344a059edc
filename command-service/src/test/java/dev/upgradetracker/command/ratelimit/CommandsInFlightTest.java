package dev.upgradetracker.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CommandsInFlightTest {

  private static final Duration WAIT = Duration.ofMillis(200);

  private final CommandsInFlight bound = new CommandsInFlight(new RateSettings(50, 500, 2, WAIT));
  private final CountDownLatch finish = new CountDownLatch(1);
  private final CountDownLatch bothWorking = new CountDownLatch(2);
  private final AtomicInteger worked = new AtomicInteger();
  private final FilterChain slowCommand =
      (request, response) -> {
        worked.incrementAndGet();
        bothWorking.countDown();
        try {
          finish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
  private final FilterChain quickCommand = (request, response) -> worked.incrementAndGet();
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void endTheSlowCommands() {
    finish.countDown();
    callers.close();
  }

  @Test
  void aCommandPastTheBoundIsTurnedAwayWith503AndRetryAfterWithoutBeingRead() throws Exception {
    givenTwoSlowCommandsAtWork();

    long started = System.nanoTime();
    var response = send("PUT", quickCommand);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WAIT);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    assertThat(response.getContentAsString())
        .contains("Too busy", "2 commands at once", "COMMANDS_IN_FLIGHT", "nothing was done");
    assertThat(worked).hasValue(2);
  }

  @Test
  void aWaitingCommandTakesThePlaceOfOneThatEnds() throws Exception {
    givenTwoSlowCommandsAtWork();

    var waiting = callers.submit(() -> send("PUT", quickCommand));
    Thread.sleep(WAIT.toMillis() / 4);
    finish.countDown();

    assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(worked).hasValue(3);
  }

  @Test
  void readsAreNotBounded() throws Exception {
    givenTwoSlowCommandsAtWork();

    var response = send("GET", quickCommand);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(worked).hasValue(3);
  }

  @Test
  void aBoundBelowOneIsRefusedNamingItsSetting() {
    assertThatThrownBy(() -> new RateSettings(50, 500, 0, WAIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COMMANDS_IN_FLIGHT");
    assertThatThrownBy(() -> new RateSettings(50, 500, 2, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COMMAND_IN_FLIGHT_WAIT");
  }

  private void givenTwoSlowCommandsAtWork() throws InterruptedException {
    for (int n = 0; n < 2; n++) {
      CompletableFuture.runAsync(() -> send("PUT", slowCommand), callers);
    }
    assertThat(bothWorking.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private MockHttpServletResponse send(String method, FilterChain command) {
    var request = new MockHttpServletRequest(method, "/api/clusters/c1");
    request.setServletPath("/api/clusters/c1");
    var response = new MockHttpServletResponse();
    try {
      bound.doFilter(request, response, command);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response;
  }
}
