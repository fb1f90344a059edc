package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.messaging.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an admin does before a team registers clusters: assigns their hosts to the team. */
final class AdminAssigns {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AdminAssigns() {}

  /** Imports the hosts of {@code clusters}, each to its cluster's team, at {@code port}. */
  static void hostsOf(String port, ClusterSpec... clusters) {
    List<Map<String, String>> lines = new ArrayList<>();
    for (var cluster : clusters) {
      for (var host : cluster.hosts()) {
        lines.add(
            Map.of("name", host.name(), "sshAddress", host.sshAddress(), "team", cluster.team()));
      }
    }
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hosts/import"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer admin-token")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Json.MAPPER.writeValueAsString(Map.of("hosts", lines))))
              .build();
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(response.body()).get("refused").asInt())
          .as(response.body())
          .isZero();
    } catch (Exception e) {
      throw new IllegalStateException("assigning hosts failed: " + e, e);
    }
  }
}
