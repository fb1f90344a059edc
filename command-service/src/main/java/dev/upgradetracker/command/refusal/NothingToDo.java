package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** The command's effect is already in place, or it names nothing to act on. */
public final class NothingToDo extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public NothingToDo(String why) {
    super("nothing to do: " + why, Map.of("reason", why));
  }
}
