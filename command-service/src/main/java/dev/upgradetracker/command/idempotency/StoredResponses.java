package dev.upgradetracker.command.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers kept per Idempotency-Key (table {@code idempotent_response}); {@code id} is the
 * caller's name and its key, since keys are scoped per caller.
 */
@Repository
class StoredResponses {

  private final JdbcClient jdbc;

  StoredResponses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredResponse> find(String id) {
    return jdbc.sql(
            "select request_hash, status, content_type, body from idempotent_response where id = ?")
        .param(id)
        .query(
            (row, number) ->
                new StoredResponse(
                    row.getString(1), row.getInt(2), row.getString(3), row.getString(4)))
        .optional();
  }

  /**
   * Takes {@code id} for a request being answered now.
   *
   * @throws DuplicateKeyException when another request took it first
   */
  void reserve(String id, String requestHash, Instant at) {
    jdbc.sql(
            "insert into idempotent_response (id, request_hash, status, created_at)"
                + " values (?, ?, ?, ?)")
        .params(id, requestHash, StoredResponse.IN_PROGRESS, Timestamp.from(at))
        .update();
  }

  void answer(String id, int status, String contentType, String body) {
    jdbc.sql("update idempotent_response set status = ?, content_type = ?, body = ? where id = ?")
        .params(status, contentType, body, id)
        .update();
  }

  void forget(String id) {
    jdbc.sql("delete from idempotent_response where id = ?").param(id).update();
  }
}
