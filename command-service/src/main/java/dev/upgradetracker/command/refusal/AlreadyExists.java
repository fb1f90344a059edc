package dev.upgradetracker.command.refusal;

import java.util.Map;

/** The command would create something that already exists. */
public final class AlreadyExists extends CommandRefused {

  public AlreadyExists(String kind, String id) {
    super(kind + " " + id + " already exists", Map.of(kind, id));
  }
}
