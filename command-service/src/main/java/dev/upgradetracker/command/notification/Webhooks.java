package dev.upgradetracker.command.notification;

import dev.upgradetracker.command.notification.model.NotificationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhooks and their deliveries, in tables beside the event store (db/webhooks.sql). */
@Component
class Webhooks {

  private static final String COLUMNS = "id, team, name, url, kinds, created_at, created_by";

  private final JdbcClient jdbc;

  Webhooks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a delivery needs to be sent: where, signed by what, and how far it got. */
  record Work(
      String deliveryId,
      String webhookId,
      String team,
      String url,
      String secret,
      String payload,
      String status,
      int attempts,
      Instant createdAt) {}

  Optional<Webhook> find(String team, String name) {
    return jdbc.sql("select " + COLUMNS + " from webhook where team = :team and name = :name")
        .param("team", team)
        .param("name", name)
        .query(Webhooks::webhook)
        .optional();
  }

  /** A team's webhooks, or every team's for {@code team} null, by team and name. */
  List<Webhook> list(String team) {
    if (team == null) {
      return jdbc.sql("select " + COLUMNS + " from webhook order by team, name")
          .query(Webhooks::webhook)
          .list();
    }
    return jdbc.sql("select " + COLUMNS + " from webhook where team = :team order by name")
        .param("team", team)
        .query(Webhooks::webhook)
        .list();
  }

  int count(String team) {
    return jdbc.sql("select count(*) from webhook where team = :team")
        .param("team", team)
        .query(Integer.class)
        .single();
  }

  void create(Webhook hook, String secret) {
    jdbc.sql(
            "insert into webhook (id, team, name, url, secret, kinds, created_at, created_by)"
                + " values (:id, :team, :name, :url, :secret, :kinds, :at, :by)")
        .param("id", hook.id())
        .param("team", hook.team())
        .param("name", hook.name())
        .param("url", hook.url())
        .param("secret", secret)
        .param("kinds", kinds(hook.kinds()))
        .param("at", utc(hook.createdAt()))
        .param("by", hook.createdBy())
        .update();
  }

  void update(String id, String url, Set<NotificationKind> kinds) {
    jdbc.sql("update webhook set url = :url, kinds = :kinds where id = :id")
        .param("id", id)
        .param("url", url)
        .param("kinds", kinds(kinds))
        .update();
  }

  /** Deletes the webhook; its deliveries not made yet are cancelled, the others kept. */
  void delete(String id) {
    jdbc.sql(
            "update webhook_delivery set status = :cancelled, next_attempt_at = null"
                + " where webhook_id = :id and status = :pending")
        .param("id", id)
        .param("cancelled", Delivery.CANCELLED)
        .param("pending", Delivery.PENDING)
        .update();
    jdbc.sql("delete from webhook where id = :id").param("id", id).update();
  }

  /** The team's webhooks that take {@code kind} and existed when it happened. */
  List<Webhook> receiving(String team, NotificationKind kind, Instant at) {
    return list(team).stream()
        .filter(hook -> hook.kinds().contains(kind) && !hook.createdAt().isAfter(at))
        .toList();
  }

  /** Records a delivery to be made, unless this notification has one to this webhook already. */
  boolean addDelivery(
      String id,
      String webhookId,
      String notificationId,
      NotificationKind kind,
      String payload,
      Instant now) {
    return jdbc.sql(
                "insert into webhook_delivery (id, webhook_id, notification_id, kind, payload,"
                    + " status, attempts, created_at, next_attempt_at)"
                    + " select :id, :webhook, :notification, :kind, :payload, :pending, 0, :now,"
                    + " :now from (select 1 as one) as single where not exists (select 1 from"
                    + " webhook_delivery where webhook_id = :webhook and notification_id ="
                    + " :notification)")
            .param("id", id)
            .param("webhook", webhookId)
            .param("notification", notificationId)
            .param("kind", kind.name())
            .param("payload", payload)
            .param("pending", Delivery.PENDING)
            .param("now", utc(now))
            .update()
        == 1;
  }

  Optional<Work> work(String deliveryId) {
    return jdbc.sql(
            "select d.id, d.webhook_id, w.team, w.url, w.secret, d.payload, d.status, d.attempts,"
                + " d.created_at from webhook_delivery d join webhook w on w.id = d.webhook_id"
                + " where d.id = :id")
        .param("id", deliveryId)
        .query(
            (row, n) ->
                new Work(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    row.getInt(8),
                    instant(row, 9)))
        .optional();
  }

  /** One attempt's outcome: the delivery's status after it and when it is tried next, if ever. */
  void recordAttempt(
      String deliveryId,
      int attempts,
      String status,
      Integer httpStatus,
      String error,
      Instant at,
      Instant next) {
    jdbc.sql(
            "update webhook_delivery set attempts = :attempts, status = :status, last_status ="
                + " :httpStatus, last_error = coalesce(:error, last_error), last_attempt_at = :at,"
                + " next_attempt_at ="
                + " :next, delivered_at = :delivered where id = :id")
        .param("id", deliveryId)
        .param("attempts", attempts)
        .param("status", status)
        .param("httpStatus", httpStatus)
        .param("error", error)
        .param("at", utc(at))
        .param("next", next == null ? null : utc(next))
        .param("delivered", Delivery.DELIVERED.equals(status) ? utc(at) : null)
        .update();
  }

  /** A webhook's latest deliveries, newest first. */
  List<Delivery> deliveries(String webhookId, int limit) {
    return jdbc.sql(
            "select id, notification_id, kind, status, attempts, created_at, last_attempt_at,"
                + " last_status, last_error, next_attempt_at, delivered_at from webhook_delivery"
                + " where webhook_id = :id order by created_at desc, id fetch first :limit rows"
                + " only")
        .param("id", webhookId)
        .param("limit", limit)
        .query(
            (row, n) ->
                new Delivery(
                    row.getString(1),
                    row.getString(2),
                    NotificationKind.valueOf(row.getString(3)),
                    row.getString(4),
                    row.getInt(5),
                    instant(row, 6),
                    instant(row, 7),
                    (Integer) row.getObject(8),
                    row.getString(9),
                    instant(row, 10),
                    instant(row, 11)))
        .list();
  }

  private static Webhook webhook(ResultSet row, int n) throws SQLException {
    return new Webhook(
        row.getString("id"),
        row.getString("team"),
        row.getString("name"),
        row.getString("url"),
        Arrays.stream(row.getString("kinds").split(","))
            .map(NotificationKind::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class))),
        instant(row, row.findColumn("created_at")),
        row.getString("created_by"));
  }

  private static String kinds(Set<NotificationKind> kinds) {
    return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    var value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
