package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** The command would store an event too large to publish: it is never decided. */
public final class TooLarge extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public TooLarge(String eventType, long bytes, long limit) {
    super(
        "the "
            + eventType
            + " event this command would store has "
            + bytes
            + " bytes; at most "
            + limit
            + " fit on the event topic (MAX_EVENT_BYTES)",
        Map.of("eventType", eventType, "bytes", bytes, "limit", limit));
  }
}
