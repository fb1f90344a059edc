package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** The command names a cluster, host or guest that does not exist. */
public final class NotFound extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public NotFound(String kind, String id) {
    super(kind + " " + id + " does not exist", Map.of(kind, id));
  }
}
