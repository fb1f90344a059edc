package dev.upgradetracker.query.live;

/** A caller asked for one live stream more than it may hold open at once. */
public final class TooManyStreams extends RuntimeException {

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
