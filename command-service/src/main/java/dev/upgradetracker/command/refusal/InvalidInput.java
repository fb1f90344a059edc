package dev.upgradetracker.command.refusal;

import java.util.Map;

/** The command itself is malformed: {@code field} says where. */
public final class InvalidInput extends CommandRefused {

  public InvalidInput(String field, String problem) {
    super(field + ": " + problem, Map.of("field", field, "problem", problem));
  }
}
