package dev.upgradetracker.command.overdue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The running steps and the finished steps' durations (db/step-times.sql). */
@Component
class StepTimes {

  private final JdbcClient jdbc;

  StepTimes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A running step as the watch sees it. */
  record Running(
      String clusterId,
      String stepId,
      String campaignId,
      String command,
      String subject,
      Instant startedAt) {}

  /** Whether the step was new here (not a repeated delivery of its start). */
  boolean started(Running step) {
    return jdbc.sql(
                "insert into step_run (cluster_id, step_id, campaign_id, command, subject, started_at,"
                    + " overdue_told) select :cluster, :step, :campaign, :command, :subject, :at, false"
                    + " from (select 1 as one) as single where not exists (select 1 from step_run"
                    + " where cluster_id = :cluster and step_id = :step)")
            .param("cluster", step.clusterId())
            .param("step", step.stepId())
            .param("campaign", step.campaignId())
            .param("command", step.command())
            .param("subject", step.subject())
            .param("at", utc(step.startedAt()))
            .update()
        == 1;
  }

  /** The step ended: it runs no more, and how long it took counts towards its command's usual. */
  void finished(String clusterId, String stepId, Instant at) {
    var running = find(clusterId, stepId);
    jdbc.sql("delete from step_run where cluster_id = :cluster and step_id = :step")
        .param("cluster", clusterId)
        .param("step", stepId)
        .update();
    running.ifPresent(
        step ->
            jdbc.sql(
                    "insert into step_duration (cluster_id, step_id, command, millis, finished_at)"
                        + " select :cluster, :step, :command, :millis, :at from (select 1 as one)"
                        + " as single where not exists (select 1 from step_duration where"
                        + " cluster_id = :cluster and step_id = :step)")
                .param("cluster", clusterId)
                .param("step", stepId)
                .param("command", step.command())
                .param("millis", Duration.between(step.startedAt(), at).toMillis())
                .param("at", utc(at))
                .update());
  }

  /** The running steps not said overdue yet. */
  List<Running> notToldOverdue() {
    return jdbc.sql(
            "select cluster_id, step_id, campaign_id, command, subject, started_at from step_run"
                + " where overdue_told = false order by started_at")
        .query(StepTimes::running)
        .list();
  }

  void toldOverdue(Running step) {
    jdbc.sql(
            "update step_run set overdue_told = true where cluster_id = :cluster and step_id ="
                + " :step")
        .param("cluster", step.clusterId())
        .param("step", step.stepId())
        .update();
  }

  /** The latest {@code count} durations of {@code command}'s steps. */
  List<Duration> recent(String command, int count) {
    return jdbc.sql(
            "select millis from step_duration where command = :command order by finished_at desc"
                + " fetch first :count rows only")
        .param("command", command)
        .param("count", count)
        .query((row, n) -> Duration.ofMillis(row.getLong(1)))
        .list();
  }

  /** Durations older than {@code before} inform nobody's usual any more. */
  void forgetBefore(Instant before) {
    jdbc.sql("delete from step_duration where finished_at < :before")
        .param("before", utc(before))
        .update();
  }

  private Optional<Running> find(String clusterId, String stepId) {
    return jdbc.sql(
            "select cluster_id, step_id, campaign_id, command, subject, started_at from step_run"
                + " where cluster_id = :cluster and step_id = :step")
        .param("cluster", clusterId)
        .param("step", stepId)
        .query(StepTimes::running)
        .optional();
  }

  private static Running running(ResultSet row, int n) throws SQLException {
    return new Running(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getObject(6, OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
