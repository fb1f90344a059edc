package dev.upgradetracker.command.idempotency;

/**
 * The first answer given to a request with an Idempotency-Key, kept to be replayed: its request's
 * hash, and its status, content type and body, or status {@link #IN_PROGRESS} while it is still
 * being answered.
 */
record StoredResponse(String requestHash, int status, String contentType, String body) {

  static final int IN_PROGRESS = 0;
}
