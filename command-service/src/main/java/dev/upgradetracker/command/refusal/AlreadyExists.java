package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** The command would create something that already exists. */
public final class AlreadyExists extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public AlreadyExists(String kind, String id) {
    super(kind + " " + id + " already exists", Map.of(kind, id));
  }
}
