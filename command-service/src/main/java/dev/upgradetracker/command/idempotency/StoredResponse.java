package dev.upgradetracker.command.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The first answer given to a request with an Idempotency-Key, kept to be replayed. A row with
 * {@code status} 0 is a request still being answered.
 */
@Entity
@Table(name = "idempotent_response")
public class StoredResponse {

  static final int IN_PROGRESS = 0;

  /** The caller's name and its key: keys are scoped per team. */
  @Id
  @Column(length = 512)
  private String id;

  @Column(length = 64, nullable = false)
  private String requestHash;

  private int status;

  @Column(length = 100)
  private String contentType;

  @Column(length = 65536)
  private String body;

  private Instant createdAt;

  protected StoredResponse() {}

  StoredResponse(String id, String requestHash, Instant createdAt) {
    this.id = id;
    this.requestHash = requestHash;
    this.status = IN_PROGRESS;
    this.createdAt = createdAt;
  }

  void answered(int newStatus, String newContentType, String newBody) {
    this.status = newStatus;
    this.contentType = newContentType;
    this.body = newBody;
  }

  String requestHash() {
    return requestHash;
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  String body() {
    return body;
  }
}
