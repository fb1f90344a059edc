package dev.upgradetracker.command.refusal;

import java.util.Map;

/** The command's effect is already in place, or it names nothing to act on. */
public final class NothingToDo extends CommandRefused {

  public NothingToDo(String why) {
    super("nothing to do: " + why, Map.of("reason", why));
  }
}
