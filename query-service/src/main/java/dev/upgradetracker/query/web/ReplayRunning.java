package dev.upgradetracker.query.web;

import java.io.Serial;

/** Replays run one at a time: each reads the whole log and holds a copy of every view. */
public final class ReplayRunning extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String replayId;

  public ReplayRunning(String replayId) {
    super(
        "replay "
            + replayId
            + " is running; one runs at a time: follow it at /api/replays/"
            + replayId,
        null,
        false,
        false);
    this.replayId = replayId;
  }

  public String replayId() {
    return replayId;
  }
}
