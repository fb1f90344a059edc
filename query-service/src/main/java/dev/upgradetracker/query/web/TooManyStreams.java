package dev.upgradetracker.query.web;

import java.io.Serial;

/** A caller asked for one live stream more than it may hold open at once. */
public final class TooManyStreams extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyStreams(String user, int limit) {
    super(
        user
            + " holds "
            + limit
            + " live streams already, as many as one caller may (LIVE_STREAMS_PER_CALLER);"
            + " close one first",
        null,
        false,
        false);
  }
}
