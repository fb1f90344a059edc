package dev.upgradetracker.launcher;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long each campaign step took from its authorization to its completion, as the campaigns'
 * events in a PostgreSQL event store record them (steps that never completed, e.g. re-authorized
 * after waiting for an approval or a slot, are left out).
 */
final class StepTimes {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String EVENTS = "dev.upgradetracker.events.campaign.CampaignEvent$";

  private StepTimes() {}

  /** The durations in milliseconds, sorted. */
  static List<Long> of(String jdbcUrl) throws SQLException {
    var authorized = new HashMap<String, Instant>();
    var took = new ArrayList<Long>();
    try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var statement =
            connection.prepareStatement(
                "select payload_type, time_stamp, payload from domain_event_entry"
                    + " where payload_type in (?, ?) order by global_index")) {
      statement.setString(1, EVENTS + "StepAuthorized");
      statement.setString(2, EVENTS + "StepCompleted");
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          var at = Instant.parse(rows.getString(2));
          var stepId =
              JSON.readTree(new String(rows.getBytes(3), StandardCharsets.UTF_8))
                  .get("stepId")
                  .asString();
          if (rows.getString(1).endsWith("StepAuthorized")) {
            authorized.put(stepId, at);
          } else if (authorized.containsKey(stepId)) {
            took.add(Duration.between(authorized.remove(stepId), at).toMillis());
          }
        }
      }
    }
    return took.stream().sorted().toList();
  }
}
