package dev.upgradetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CommandRequestsTest {

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "PROPFIND"})
  void everyMethodButTheSafeOnesOnTheApiIsACommand(String method) {
    assertThat(CommandRequests.isCommand(request(method, "/api/clusters/c1", "/api/clusters/c1")))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
  void aSafeMethodIsNeverACommand(String method) {
    assertThat(CommandRequests.isCommand(request(method, "/api/clusters/c1", "/api/clusters/c1")))
        .isFalse();
  }

  @Test
  void aRequestOutsideTheApiIsNoCommand() {
    assertThat(CommandRequests.isCommand(request("POST", "/actuator/refresh", "/actuator/refresh")))
        .isFalse();
  }

  @Test
  void thePathIsJudgedAsTheContainerDecodedItNotAsTheClientSpelledIt() {
    var encoded = request("POST", "/%61pi/clusters", "/api/clusters");

    assertThat(CommandRequests.isCommand(encoded)).isTrue();
    assertThat(CommandRequests.path(encoded)).isEqualTo("/api/clusters");
  }

  private static MockHttpServletRequest request(String method, String uri, String servletPath) {
    var request = new MockHttpServletRequest(method, uri);
    request.setServletPath(servletPath);
    return request;
  }
}
