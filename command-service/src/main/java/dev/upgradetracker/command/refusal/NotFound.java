package dev.upgradetracker.command.refusal;

import java.util.Map;

/** The command names a cluster, host or guest that does not exist. */
public final class NotFound extends CommandRefused {

  public NotFound(String kind, String id) {
    super(kind + " " + id + " does not exist", Map.of(kind, id));
  }
}
