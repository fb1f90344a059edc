package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** The command itself is malformed: {@code field} says where. */
public final class InvalidInput extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public InvalidInput(String field, String problem) {
    super(field + ": " + problem, Map.of("field", field, "problem", problem));
  }
}
